/**
 * The mistakes the CLI's own commands see, in one catalogue as core's `decorumErrors`: a stable code,
 * the reason built from the specifics and the sentence that says what to do. The runner's entries
 * (finding the entry, loading the app, the port) are `cliErrors` in @decorumjs/decorum/runner, which
 * `decorum start` uses without this package; both print as `decorum: <code>: <reason> <fix>`.
 */
import { cliErrorEntry as entry } from '@decorumjs/decorum/runner';

export const commandErrors = {
  // How the command was called: commander's own checks (unknown options, bad arguments).
  usage: entry('DECORUM_ERR_CLI_USAGE',
    (problem: string, _command: string) => (/[.!?]$/.test(problem) ? problem : `${problem}.`),
    (_problem, command) => `See \`${command} --help\` for its arguments and options.`),

  // decorum build.
  outDirOverlapsSources: entry('DECORUM_ERR_CLI_OUT_DIR',
    (outDir: string) => `the output folder ${outDir} would overwrite the sources.`,
    'Pass another --out-dir, outside the sources, as in --out-dir dist.'),
  syntaxError: entry('DECORUM_ERR_CLI_COMPILE',
    (report: string) => report,
    'Fix the syntax above, then build again.'),
  typeScriptMissing: entry('DECORUM_ERR_CLI_TYPE_CHECK',
    () => '--type-check needs TypeScript installed in the project.',
    'Install it (npm install --save-dev typescript), or build without --type-check.'),
  typeErrors: entry('DECORUM_ERR_CLI_TYPE_CHECK',
    () => 'type errors (above); nothing was built.',
    'Fix them and build again (without --type-check, SWC strips the types unchecked).',
    2),

  // decorum openapi.
  outFileUnwritable: entry('DECORUM_ERR_CLI_OUT_FILE',
    (file: string, problem: string) => `cannot write ${file} (${problem}).`,
    'Choose another --out path, in a folder you can write to.'),
};
