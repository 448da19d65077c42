/** `decorum openapi [entry]`: write the app's OpenAPI document without serving it. */
import type { App } from '@decorumjs/core';
import { Command } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadApp, resolveEntry, shownPath, exitWithFailure } from '@decorumjs/decorum/runner';
import { installTypeScriptLoader } from '../typescript-loader.js';
import { commandErrors } from '../errors.js';

interface OpenApiFlags {
  out?: string;
  yaml?: boolean;
}

export function openapiCommand(): Command {
  return new Command('openapi')
    .description('write the OpenAPI 3.1 document of the app, without listening or running startup hooks')
    .argument('[entry]', 'module that exports the app (default: package.json "decorum.entry", else src/main.ts)')
    .option('-o, --out <file>', 'write to a file instead of stdout (YAML when it ends in .yaml or .yml)')
    .option('--yaml', 'write YAML instead of JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ decorum openapi --out openapi.json
  $ decorum openapi src/main.ts --yaml > openapi.yaml
  $ decorum openapi --out docs/api.yaml`,
    )
    .action(async (entryArgument: string | undefined, flags: OpenApiFlags) => {
      const entry = resolveEntry(entryArgument);
      installTypeScriptLoader();
      // Building the document bootstraps the routes (DI plan, parameter binders): a developer mistake
      // there gets the same one-line report as under `dev` and `start`, not Node's crash dump.
      const document = await loadApp(entry).then(buildDocument).catch(exitWithFailure);
      const asYaml = flags.yaml === true || /\.ya?ml$/i.test(flags.out ?? '');
      const text = asYaml ? stringify(document, { aliasDuplicateObjects: false }) : `${JSON.stringify(document, null, 2)}\n`;
      if (flags.out) {
        const file = resolve(flags.out);
        await writeDocument(file, text);
        process.stderr.write(`wrote ${shownPath(file)} (${Object.keys(pathsOf(document)).length} paths)\n`);
      } else {
        process.stdout.write(text);
      }
      // Importing the app may have opened handles (a pool, a timer); the document is written, so end.
      process.exit(0);
    });
}

async function writeDocument(file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    const reason = (error as { code?: unknown }).code ?? (error instanceof Error ? error.message : String(error));
    throw commandErrors.outFileUnwritable(shownPath(file), String(reason));
  }
}

/** Loaded when the command runs, so `dev` and `start` never load the OpenAPI builder. */
async function buildDocument(app: App): Promise<object> {
  const { openApiDocument } = (await import('@decorumjs/openapi')) as { openApiDocument(app: App): object };
  return openApiDocument(app);
}

function pathsOf(document: object): object {
  const paths = (document as { paths?: unknown }).paths;
  return typeof paths === 'object' && paths !== null ? paths : {};
}
