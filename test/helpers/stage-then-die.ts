/**
 * A process that stages an import run of `count` new people in two chunks and is killed (SIGKILL,
 * no cleanup) either between the staging chunks or, with `applying`, after the first applied chunk
 * (`applying-without-index`: of a run that dropped the list's reading index, as a large import does).
 * Usage: stage-then-die.ts <db file> <count> <chunk> <staging|applying|applying-without-index>; prints the entry ids in stage order first.
 */
import { openDatabase } from '../../electron/core/db/open';
import { applyStagedChunk, markApplying, openRun, stageEntries, type StagedEntry } from '../../electron/core/import/staging';
import { newId } from '../../shared/domain/ids';

const [file = '', countText = '0', chunkText = '64', cutAt = 'staging'] = process.argv.slice(2);
const count = Number(countText);
const chunk = Number(chunkText);
const db = openDatabase(file);
const runId = newId();
openRun(db, runId, new Date().toISOString());
const staged: StagedEntry[] = Array.from({ length: count }, (_, i) => ({
  kind: 'new',
  entry: {
    id: newId(), station: 'Desk', hlc: `2026-11-24T09:00:00.000Z-${String(i).padStart(6, '0')}-Desk`,
    type: 'attendee.upsert', attendeeId: newId(), data: { fields: { name: `Person ${i}` } },
  },
}));
process.stdout.write(`${JSON.stringify(staged.map((s) => s.entry.id))}\n`);
stageEntries(db, runId, 0, staged.slice(0, chunk));
if (cutAt === 'staging') process.kill(process.pid, 'SIGKILL');
stageEntries(db, runId, chunk, staged.slice(chunk));
markApplying(db, runId, { withoutReadingIndex: cutAt === 'applying-without-index' });
applyStagedChunk(db, runId, chunk);
process.kill(process.pid, 'SIGKILL');
