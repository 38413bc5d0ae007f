import { InvalidArgumentError, type Command } from 'commander';
import { searchAttendees } from '../../core/attendees/search';
import { openDatabase } from '../../core/db/open';
import { DB_OPTION_HELP, resolveDbPath } from '../options';

interface SearchFlags {
  db?: string;
  limit: number;
  json?: boolean;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidArgumentError('a number 1–500');
  return limit;
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('find attendees by name (kanji, kana, romaji), company, e-mail or ticket code')
    .argument('<query>', 'what staff would type at the door')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--limit <n>', 'how many results to print', parseLimit, 50)
    .option('--json', 'print a JSON array of attendees')
    .action((query: string, flags: SearchFlags) => {
      const db = openDatabase(resolveDbPath(flags.db));
      try {
        const { items, total } = searchAttendees(db, query, flags.limit);
        if (flags.json) {
          console.log(
            JSON.stringify(
              items.map((a) => ({
                id: a.id,
                ticketCode: a.ticketCode,
                name: a.name,
                nameKana: a.nameKana,
                company: a.company,
                email: a.email,
                checkedInAt: a.checkedIn?.at ?? null,
              })),
            ),
          );
          return;
        }
        for (const a of items) {
          const mark = a.checkedIn ? '✓' : ' ';
          console.log([mark, a.ticketCode || '-', a.name, a.nameKana && `(${a.nameKana})`, a.company].filter(Boolean).join('  '));
        }
        console.log(`${items.length} of ${total} shown`);
      } finally {
        db.close();
      }
    });
}
