/**
 * The `create-app` command line: `npm create @decorumjs/app <directory> [--name <name>] [--force]`.
 * Mistakes print one line and exit 1; nothing is asked interactively, so it works in scripts and CI.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateAppError, errors } from './errors.js';
import { scaffoldProject } from './scaffold-project.js';

const USAGE = `Usage: npm create @decorumjs/app <directory> [-- --name <name> --force]
       npx @decorumjs/create-app <directory> [--name <name>] [--force]

Writes a new Decorum project: an example API (GET /hello, GET /items/{item_id}, POST /items,
POST /greet), a test, and the dev, build, start, test and openapi scripts.

Options:
  --name <name>  the package name (default: the directory's name)
  --force        write into a directory that already has files
  -v, --version  print the version
  -h, --help     print this help`;

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CreateAppError)) throw error;
  process.stderr.write(`create-app: ${error.message}\n`);
  process.exit(1);
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv);
  if (values.help) return print(USAGE);
  if (values.version) return print(ownVersion());
  const [directory, ...extra] = positionals;
  if (!directory) throw errors.missingDirectory();
  if (extra.length) throw errors.extraArguments(extra);

  const project = await scaffoldProject({ directory, name: values.name, force: values.force });
  const shown = relative(process.cwd(), project.directory) || '.';
  const pm = packageManager();
  print(`Created ${project.name} in ${shown}: ${project.files.length} files.

Next:
  cd ${shown}
  ${pm} install
  ${pm} run dev        # http://127.0.0.1:8000/hello, docs at /docs

Then ${pm} test, ${pm} run build && ${pm} start, ${pm} run openapi.`);
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs says "Unknown option '--x'..." and the like: one line is enough.
    throw errors.badOption(String((error as Error).message).split('. ')[0] ?? 'bad option');
  }
}

/** The client that ran us (`npm create`, `pnpm create`, `yarn create`), so the next steps use the same one. */
function packageManager(): string {
  const agent = process.env['npm_config_user_agent'] ?? '';
  return ['pnpm', 'yarn', 'bun'].find((pm) => agent.startsWith(`${pm}/`)) ?? 'npm';
}

function ownVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
