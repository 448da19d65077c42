/** `decorum build [entry]`: compile the app to JavaScript for `decorum start`. */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { compileProject } from '../build/compile-project.js';
import { builtEntryOf, DEFAULT_OUT_DIR, sourceDirOf, projectRoot, resolveEntry, shownPath } from '@decorumjs/decorum/runner';
import { checkTypes } from '../build/type-check.js';

interface BuildFlags {
  outDir: string;
  typeCheck?: boolean;
}

export function buildCommand(): Command {
  return new Command('build')
    .description('compile the app to JavaScript (decorator metadata kept, source maps beside) for `decorum start`')
    .argument('[entry]', 'module that exports the app (default: package.json "decorum.entry", else src/main.ts)')
    .option('-o, --out-dir <dir>', 'folder to write, mirroring the source folder', DEFAULT_OUT_DIR)
    .option('--type-check', "also check types with the project's TypeScript (tsc --noEmit); type errors fail the build")
    .addHelpText(
      'after',
      `
Examples:
  $ decorum build                      src/**/*.ts → dist/**/*.js, then \`decorum start\` serves dist/main.js
  $ decorum build --out-dir build      then \`decorum start build/main.js\`
  $ decorum build --type-check         fail on type errors too (runs the project's tsc --noEmit)

The entry's top folder (src/ for src/main.ts) is compiled by SWC with the same settings as
\`decorum dev\`; its .js and .json files are copied; *.test.ts, *.spec.ts and .d.ts files are
left out. The output folder is emptied first. Types are checked only with --type-check.`,
    )
    .action(async (entryArgument: string | undefined, flags: BuildFlags) => {
      const started = performance.now();
      const entry = resolveEntry(entryArgument);
      const root = projectRoot(entry);
      const sourceDir = sourceDirOf(entry, root);
      const outDir = resolve(flags.outDir);
      // Checked first, so that type errors leave the previous build in place.
      if (flags.typeCheck) await checkTypes(root);
      const { compiled, copied } = await compileProject({ root, sourceDir, outDir });
      const copies = copied > 0 ? ` and copied ${copied}` : '';
      const elapsed = Math.round(performance.now() - started);
      process.stderr.write(
        `compiled ${compiled} files${copies} from ${shownPath(sourceDir)} to ${shownPath(outDir)} in ${elapsed} ms; ` +
          `the app is ${shownPath(builtEntryOf(entry, root, outDir))}\n`,
      );
    });
}
