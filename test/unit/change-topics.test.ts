import { describe, expect, it } from 'vitest';
import { CHANGE_TOPICS, concerns, ENTRY_TOPICS, joinTopics, topicsOfEntries, topicsOfNotice, type ChangeTopic } from '../../shared/api/change-topics';
import { changeTopicsOf, METHOD_NAMES } from '../../shared/api/contract';
import { entrySchema } from '../../shared/domain/entry';

const set = (...topics: ChangeTopic[]): ReadonlySet<ChangeTopic> => new Set(topics);

describe('the topics of each entry type', () => {
  it.each<[string, readonly ChangeTopic[]]>([
    ['attendee.upsert', ['people']],
    ['attendee.remove', ['people']],
    ['attendee.restore', ['people']],
    ['attendee.presence', ['attendance']],
    ['checkin', ['attendance']],
    ['checkin.undo', ['attendance']],
    ['badge.printed', ['prints']],
    ['partners.suggested', ['partners']],
    ['settings.upsert', ['settings']],
  ])('%s changes %j', (type, topics) => {
    expect(topicsOfEntries([type])).toEqual(topics);
  });

  it('names every entry type the log knows (a new type must say what it changes)', () => {
    const types = entrySchema.options.map((option) => option.shape.type.value);
    expect(Object.keys(ENTRY_TOPICS).sort()).toEqual([...types].sort());
  });

  it('joins a batch, in the one order of CHANGE_TOPICS, each topic once', () => {
    expect(topicsOfEntries(['badge.printed', 'checkin', 'checkin', 'attendee.upsert'])).toEqual(['people', 'attendance', 'prints']);
  });

  it.each([['attendee.merge'], ['constructor'], ['toString'], ['']])('an entry type this build does not know (%j) changes everything', (type) => {
    expect(topicsOfEntries(['checkin', type])).toEqual(CHANGE_TOPICS);
  });
});

describe('what a notice as it arrived says changed', () => {
  it.each<[string, unknown]>([
    ['no topics (an older station)', undefined],
    ['an empty list', []],
    ['not a list', 'attendance'],
    ['null', null],
    ['a topic this build does not know', ['attendance', 'badges-v2']],
    ['a non-string', ['attendance', 3]],
  ])('%s: everything', (_, topics) => {
    expect(topicsOfNotice({ topics })).toBe('all');
  });

  it('the topics it names, when they are all known', () => {
    expect(topicsOfNotice({ topics: ['prints', 'attendance'] })).toEqual(set('prints', 'attendance'));
  });

  it('joins notices: everything wins, topics add up', () => {
    expect(joinTopics(set('prints'), set('attendance'))).toEqual(set('prints', 'attendance'));
    expect(joinTopics(set('prints'), 'all')).toBe('all');
    expect(joinTopics('all', set('sync'))).toBe('all');
  });

  it.each<[string, ReadonlySet<ChangeTopic> | 'all', ReadonlySet<ChangeTopic> | 'all', boolean]>([
    ['shared topic', set('prints', 'sync'), set('people', 'prints'), true],
    ['no shared topic', set('prints'), set('settings'), false],
    ['everything changed', 'all', set('settings'), true],
    ['a read of everything', set('sync'), 'all', true],
    ['a read of nothing declared', set('sync'), set(), false],
  ])('concerns a read: %s', (_, changed, read, expected) => {
    expect(concerns(changed, read)).toBe(expected);
  });
});

describe('which reads a change concerns (the contract\'s changesWith)', () => {
  it('joins what the called methods declare', () => {
    expect(changeTopicsOf(['getEvent', 'getSyncStatus'])).toEqual(set('settings', 'sync'));
  });

  it.each<[string, string[]]>([
    ['a read that called nothing yet', []],
    ['a method that declares nothing', ['getEvent', 'getDashboard']],
    ['a name not in the contract', ['getEvent', 'getEverything']],
  ])('%s: everything', (_, names) => {
    expect(changeTopicsOf(names)).toBe('all');
  });

  it('declares only topics that exist', () => {
    for (const name of METHOD_NAMES) {
      const topics = changeTopicsOf([name]);
      if (topics !== 'all') for (const topic of topics) expect(CHANGE_TOPICS).toContain(topic);
    }
  });

  // What each desk screen's read hears, by what happened at the station.
  const heard = (types: string[], method: string): boolean => concerns(set(...topicsOfEntries(types)), changeTopicsOf([method]));
  it.each<[string, string, boolean]>([
    ['badge.printed', 'getEvent', false],
    ['badge.printed', 'suggestPartners', false],
    ['badge.printed', 'getSyncStatus', false],
    ['badge.printed', 'getStatus', true],
    ['badge.printed', 'getAttendee', true],
    ['badge.printed', 'searchAttendees', true],
    ['checkin', 'getStatus', true],
    ['checkin', 'getAttendee', true],
    ['checkin', 'suggestPartners', true],
    ['checkin', 'getEvent', false],
    ['checkin.undo', 'getStatus', true],
    ['attendee.upsert', 'searchAttendees', true],
    ['attendee.presence', 'suggestPartners', true],
    ['partners.suggested', 'suggestPartners', false],
    ['partners.suggested', 'getPartnerReport', true],
    ['settings.upsert', 'getEvent', true],
    ['settings.upsert', 'getStatus', true],
    ['settings.upsert', 'getKioskSettings', true],
    ['settings.upsert', 'getAttendee', true],
    ['settings.upsert', 'getSyncStatus', false],
    ['checkin', 'getDashboard', true],
  ])('%s → %s re-reads: %s', (type, method, expected) => {
    expect(heard([type], method)).toBe(expected);
  });
});
