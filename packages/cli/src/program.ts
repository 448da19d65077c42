/** The `decorum` command line: one subcommand per file in ./commands. */
import { Command, type OutputConfiguration } from 'commander';
import { devCommand } from './commands/dev.js';
import { openapiCommand } from './commands/openapi.js';
import { startCommand } from './commands/start.js';

export function createProgram(version: string): Command {
  const program = new Command('decorum')
    .description('Decorum: serve, run and document a Decorum app')
    .version(version, '-v, --version')
    .addHelpText(
      'after',
      `
Examples:
  $ decorum dev                        develop src/main.ts on http://127.0.0.1:8000, reload on save
  $ decorum start dist/main.js --workers 4
  $ decorum openapi --out openapi.json`,
    );
  for (const command of [devCommand(), startCommand(), openapiCommand()]) {
    program.addCommand(command.configureOutput(oneLineErrors(`decorum ${command.name()}`)));
  }
  return program.configureOutput(oneLineErrors('decorum'));
}

/** Usage mistakes print one line that says what is wrong and where to read more. */
function oneLineErrors(commandName: string): OutputConfiguration {
  return {
    outputError: (text, write) => write(`${commandName}: ${text.trim().replace(/^error: /, '')} (see ${commandName} --help)\n`),
  };
}
