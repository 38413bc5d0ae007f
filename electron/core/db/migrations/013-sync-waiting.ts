import type { Migration } from './migration';

/**
 * The sync indicator's "waiting" (local entries the hub has not acknowledged), kept in a one-row
 * table instead of counted on every change notice: every screen asks for the sync status after
 * every change, and on a station never paired the count was every entry of the event (100,000
 * index rows each time, even over migration 012's index).
 *
 * `after_seq` is the pushed mark the count is above (meta `sync.pushed_seq`, 0 when absent) and
 * `waiting` the local entries after it. Triggers keep both whatever writes them, in the same
 * transaction: an entry appended (check-in, import, restore of a staged import; pulled entries do
 * not count), and the mark moved (a push acknowledged, a new pairing or a hub that forgot: back to
 * 0). Moving the mark counts only the entries between the old and the new mark, over the index of
 * local entries, so a push of 1,000 counts 1,000 and only a reset counts everything (once).
 */
const MARK = `'sync.pushed_seq'`;
/** The local entries strictly after `low` and up to `high`. */
const between = (low: string, high: string): string => `(SELECT count(*) FROM entries WHERE pulled = 0 AND seq > ${low} AND seq <= ${high})`;
const moveTo = (mark: string): string =>
  `UPDATE sync_waiting SET waiting = waiting - ${between('after_seq', mark)} + ${between(mark, 'after_seq')}, after_seq = ${mark};`;

export const migration013: Migration = {
  version: 13,
  name: 'sync waiting count kept',
  sql: `
    CREATE TABLE sync_waiting (
      only      INTEGER PRIMARY KEY CHECK (only = 1),
      after_seq INTEGER NOT NULL,
      waiting   INTEGER NOT NULL
    ) STRICT;
    INSERT INTO sync_waiting (only, after_seq, waiting)
      SELECT 1, mark, (SELECT count(*) FROM entries WHERE pulled = 0 AND seq > mark)
      FROM (SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ${MARK}), 0) AS mark);

    CREATE TRIGGER sync_waiting_entry_insert AFTER INSERT ON entries WHEN NEW.pulled = 0
      BEGIN UPDATE sync_waiting SET waiting = waiting + 1 WHERE NEW.seq > after_seq; END;
    CREATE TRIGGER sync_waiting_entry_delete AFTER DELETE ON entries WHEN OLD.pulled = 0
      BEGIN UPDATE sync_waiting SET waiting = waiting - 1 WHERE OLD.seq > after_seq; END;
    CREATE TRIGGER sync_waiting_entry_update AFTER UPDATE OF seq, pulled ON entries
      BEGIN UPDATE sync_waiting SET waiting = waiting - (OLD.pulled = 0 AND OLD.seq > after_seq) + (NEW.pulled = 0 AND NEW.seq > after_seq); END;

    CREATE TRIGGER sync_waiting_mark_insert AFTER INSERT ON meta WHEN NEW.key = ${MARK}
      BEGIN ${moveTo('CAST(NEW.value AS INTEGER)')} END;
    CREATE TRIGGER sync_waiting_mark_update AFTER UPDATE OF value ON meta WHEN NEW.key = ${MARK}
      BEGIN ${moveTo('CAST(NEW.value AS INTEGER)')} END;
    CREATE TRIGGER sync_waiting_mark_delete AFTER DELETE ON meta WHEN OLD.key = ${MARK}
      BEGIN ${moveTo('0')} END;
  `,
};
