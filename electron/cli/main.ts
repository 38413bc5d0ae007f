import { Command, CommanderError, Option } from 'commander';
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
import { CLI_LANGUAGES, cliLanguage } from './i18n/language';
import { errorLine, helpTexts, setCliLanguage, t } from './i18n/translate';

export function buildProgram(): Command {
  const program = new Command()
    .name('musubi')
    .description(t('program.description'))
    .addOption(langOption())
    // Options after the command name belong to the command: every command takes its own --lang.
    .enablePositionalOptions()
    .helpOption('-h, --help', helpTexts().option)
    .helpCommand('help [command]', helpTexts().command)
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
  for (const command of program.commands) {
    if (!command.options.some((option) => option.long === '--lang')) command.addOption(langOption());
  }
  return program;
}

/**
 * `--lang ja|en`, accepted before or after the command name. The language itself is read from argv
 * before the program is built (the help texts are in it too); the option is declared so that
 * commander accepts it and lists it in the help.
 */
function langOption(): Option {
  return new Option('--lang <language>', t('program.lang')).choices(CLI_LANGUAGES);
}

/** Runs the CLI; a MusubiError becomes one clear line on stderr and exit code 1. */
export async function main(argv: string[]): Promise<void> {
  setCliLanguage(cliLanguage(argv.slice(2), process.env));
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof MusubiError) {
      console.error(errorLine(error));
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
