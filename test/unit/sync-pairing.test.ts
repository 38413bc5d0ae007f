import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../shared/sync/backoff';
import { eventIdForKey } from '../../shared/sync/event-id';
import { formatPairingCode, normalizeHubUrl, normalizeHubUrls, parsePairingCode } from '../../shared/sync/pairing';

describe('pairing code', () => {
  it('round-trips hub URL and key and stays readable', () => {
    const code = formatPairingCode({ hubUrl: 'http://192.168.1.10:4781', key: 'venue-key_0123456789' });
    expect(code).toBe('musubi:pair?hub=http://192.168.1.10:4781&key=venue-key_0123456789');
    expect(parsePairingCode(`  ${code}\n`)).toEqual({ hubUrl: 'http://192.168.1.10:4781', key: 'venue-key_0123456789' });
  });

  it('carries several hub processes, and a station that reads only the first hub= still pairs', () => {
    const info = { hubUrl: 'https://hub-a.example', key: 'venue-key_0123456789', fallbackHubUrls: ['https://hub-b.example', 'https://hub-c.example'] };
    const code = formatPairingCode(info);
    expect(code).toBe('musubi:pair?hub=https://hub-a.example&hub=https://hub-b.example&hub=https://hub-c.example&key=venue-key_0123456789');
    expect(parsePairingCode(code)).toEqual(info);
    // What an older station does with it: the first address and the key.
    const params = new URLSearchParams(code.slice('musubi:pair?'.length));
    expect([params.get('hub'), params.get('key')]).toEqual(['https://hub-a.example', 'venue-key_0123456789']);
    expect(normalizeHubUrls(' http://a:1, http://b:2/\nhttp://a:1 ')).toEqual({ hubUrl: 'http://a:1', fallbackHubUrls: ['http://b:2'] });
    expect(() => normalizeHubUrls(' , ')).toThrow(/missing/);
  });

  it('says what is wrong with a bad code or address', () => {
    expect(() => parsePairingCode('http://hub')).toThrow(/not a Musubi pairing code/);
    expect(() => parsePairingCode('musubi:pair?hub=http://h:1')).toThrow(/lacks the hub address or the key/);
    expect(() => parsePairingCode('musubi:pair?hub=http://h:1&key=short')).toThrow(/16–200/);
    expect(() => normalizeHubUrl('ftp://hub')).toThrow(/http:\/\/ or https:\/\//);
    expect(normalizeHubUrl('http://hub.local:4781/')).toBe('http://hub.local:4781');
  });

  it('derives a stable event id from the key without revealing it', async () => {
    const id = await eventIdForKey('venue-key_0123456789');
    expect(id).toMatch(/^ev-[0-9a-f]{24}$/);
    expect(await eventIdForKey('venue-key_0123456789')).toBe(id);
    expect(await eventIdForKey('venue-key_0123456788')).not.toBe(id);
    expect(id).not.toContain('venue');
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, with jitter between half and all of it', () => {
    const at = (attempt: number, r: number) => backoffDelay(attempt, { baseMs: 1000, maxMs: 15_000, random: () => r });
    expect([0, 1, 2, 3].map((n) => at(n, 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(at(10, 1)).toBe(15_000);
    expect(at(10, 0)).toBe(7500);
    expect(at(2, 0.5)).toBe(3000);
  });
});
