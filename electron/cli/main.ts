import { Command, CommanderError } from 'commander';
import { MusubiError } from '../../shared/errors';
import { registerBackupCommands } from './commands/backup';
import { registerExportCommand } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerSearchCommand } from './commands/search';
import { registerCheckinCommand } from './commands/checkin';
import { registerHubCommand } from './commands/hub';
import { registerBadgeCommands } from './commands/badges';
import { registerStationCommand } from './commands/station';
import { registerSyncCommand } from './commands/sync';

export function buildProgram(): Command {
  const program = new Command()
    .name('musubi')
    .description('Musubi: check-in and badges for cross-industry networking events')
    .showHelpAfterError()
    .exitOverride();
  registerStationCommand(program);
  registerExportCommand(program);
  registerBackupCommands(program);
  registerImportCommand(program);
  registerSearchCommand(program);
  registerHubCommand(program);
  registerSyncCommand(program);
  registerCheckinCommand(program);
  registerBadgeCommands(program);
  return program;
}

/** Runs the CLI; a MusubiError becomes one clear line on stderr and exit code 1. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof MusubiError) {
      console.error(`musubi: ${error.message}${error.where ? ` (${error.where})` : ''}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
