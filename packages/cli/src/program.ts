/** The `decorum` command line: one subcommand per file in ./commands. */
import { Command, type OutputConfiguration } from 'commander';
import { buildCommand } from './commands/build.js';
import { devCommand } from './commands/dev.js';
import { openapiCommand } from './commands/openapi.js';
import { startCommand } from './commands/start.js';
import { commandErrors } from './errors.js';

export function createProgram(version: string): Command {
  const program = new Command('decorum')
    .description('Decorum: develop, build, serve and document a Decorum app')
    .version(version, '-v, --version')
    .addHelpText(
      'after',
      `
Examples:
  $ decorum dev                        develop src/main.ts on http://127.0.0.1:8000, reload on save
  $ decorum build                      compile src/ to dist/ for production
  $ decorum start --workers 4          serve dist/main.js
  $ decorum openapi --out openapi.json`,
    );
  for (const command of [devCommand(), buildCommand(), startCommand(), openapiCommand()]) {
    program.addCommand(command.configureOutput(oneLineErrors(`decorum ${command.name()}`)));
  }
  return program.configureOutput(oneLineErrors('decorum'));
}

/** Usage mistakes print one line that says what is wrong and where to read more. */
function oneLineErrors(commandName: string): OutputConfiguration {
  return {
    outputError: (text, write) => {
      // Commander's text may end with a suggestion on a line of its own: "(Did you mean --out-dir?)".
      const problem = text.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      write(`${commandName}: ${commandErrors.usage(problem, commandName).message}\n`);
    },
  };
}
