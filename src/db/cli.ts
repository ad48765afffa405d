/**
 * Database commands (npm run db:migrate | db:check | db:new-migration -- <name>).
 * They use the WebAssembly schema engine, so they need no download and no network.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

import { openPGlite } from './open-database.ts';
import {
  applyMigrations,
  checkDrift,
  createMigration,
  DEFAULT_MIGRATION_PATHS,
  type MigrationPaths,
  type MigrationTarget,
} from './schema-engine.ts';

const USAGE = `Usage: tsx src/db/cli.ts <command> [--schema <file>] [--migrations <dir>]

  migrate               apply pending migrations to DATABASE_URL if set,
                        else to the embedded database in TWINBRIDGE_DATA_DIR (default ./data)
  check                 exit 1, printing the missing SQL, if the schema and the migrations differ
  new-migration <name>  write the next migration from the schema

  --schema       default prisma/schema.prisma
  --migrations   default prisma/migrations`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { schema: { type: 'string' }, migrations: { type: 'string' } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const paths: MigrationPaths = {
    schemaPath: parsed.values.schema ?? DEFAULT_MIGRATION_PATHS.schemaPath,
    migrationsDir: parsed.values.migrations ?? DEFAULT_MIGRATION_PATHS.migrationsDir,
  };
  const [command, ...rest] = parsed.positionals;
  switch (command) {
    case 'migrate':
      return migrate(paths);
    case 'check':
      return check(paths);
    case 'new-migration':
      if (rest.length !== 1 || !rest[0]) {
        console.error(`new-migration needs exactly one name, e.g. add_town_motto\n\n${USAGE}`);
        return 2;
      }
      return newMigration(rest[0], paths);
    case undefined:
    default:
      console.error(USAGE);
      return 2;
  }
}

async function migrate(paths: MigrationPaths): Promise<number> {
  const url = process.env.DATABASE_URL;
  let target: MigrationTarget;
  let description: string;
  let close = () => Promise.resolve();
  if (url) {
    target = { kind: 'postgres', url };
    description = `PostgreSQL ${withoutPassword(url)}`;
  } else {
    const dataDir = process.env.TWINBRIDGE_DATA_DIR ?? './data';
    const embedded = await openPGlite(dataDir);
    target = { kind: 'embedded', pglite: embedded.pglite };
    description = `embedded database in ${dataDir}`;
    close = embedded.close;
  }
  try {
    console.log(`Migrating the ${description}`);
    const applied = await applyMigrations(target, { migrationsDir: paths.migrationsDir });
    if (applied.length === 0) console.log('Already up to date.');
    else
      console.log(
        `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join('\n')}`,
      );
    return 0;
  } finally {
    await close();
  }
}

async function check(paths: MigrationPaths): Promise<number> {
  const drift = await checkDrift(paths);
  const names = `${shown(paths.schemaPath)} and ${shown(paths.migrationsDir)}`;
  if (drift === '') {
    console.log(`${names} agree.`);
    return 0;
  }
  console.log(`${names} differ. The migrations lack:\n`);
  console.log(drift.trimEnd());
  console.log('\nWrite a migration for it: npm run db:new-migration -- <name>');
  return 1;
}

async function newMigration(name: string, paths: MigrationPaths): Promise<number> {
  const created = await createMigration(name, paths);
  if (!created) {
    console.log(
      `${shown(paths.schemaPath)} and ${shown(paths.migrationsDir)} already agree: no migration written.`,
    );
    return 0;
  }
  console.log(`Wrote ${shown(created.directory)}/migration.sql:\n`);
  console.log(created.sql.trimEnd());
  return 0;
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
