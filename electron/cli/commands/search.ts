import { InvalidArgumentError, type Command } from 'commander';
import { searchAttendees } from '../../core/attendees/search';
import { openDatabase } from '../../core/db/open';
import { t } from '../i18n/translate';
import { dbOptionHelp, resolveDbPath } from '../options';

interface SearchFlags {
  db?: string;
  limit: number;
  json?: boolean;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidArgumentError(t('search.limitRange'));
  return limit;
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description(t('search.description'))
    .argument('<query>', t('search.query'))
    .option('--db <file>', dbOptionHelp())
    .option('--limit <n>', t('search.limit'), parseLimit, 50)
    .option('--json', t('search.json'))
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
        console.log(t('search.shown', { shown: items.length, total }));
      } finally {
        db.close();
      }
    });
}
