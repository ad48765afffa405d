/**
 * Database commands (npm run db:migrate | db:check | db:new-migration <name>).
 * They use the WebAssembly schema engine, so they need no download and no network.
 */
import { relative } from 'node:path';

import { openPGlite } from './open-database.ts';
import { applyMigrations, checkDrift, createMigration, type MigrationTarget } from './schema-engine.ts';

const USAGE = `Usage: tsx src/db/cli.ts <command>

  migrate               apply pending migrations to DATABASE_URL if set,
                        else to the embedded database in TWINBRIDGE_DATA_DIR (default ./data)
  check                 exit 1 if prisma/schema.prisma and prisma/migrations differ
  new-migration <name>  write the next migration from prisma/schema.prisma`;

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'migrate':
      return migrate();
    case 'check':
      return check();
    case 'new-migration':
      if (rest.length !== 1 || !rest[0]) {
        console.error('new-migration needs exactly one name, e.g. add_town_motto\n');
        console.error(USAGE);
        return 2;
      }
      return newMigration(rest[0]);
    case undefined:
    default:
      console.error(USAGE);
      return 2;
  }
}

async function migrate(): Promise<number> {
  const url = process.env.DATABASE_URL;
  let target: MigrationTarget;
  let description: string;
  if (url) {
    target = { kind: 'postgres', url };
    description = `PostgreSQL ${withoutPassword(url)}`;
  } else {
    const dataDir = process.env.TWINBRIDGE_DATA_DIR ?? './data';
    target = { kind: 'embedded', pglite: await openPGlite(dataDir) };
    description = `embedded database in ${dataDir}`;
  }
  try {
    console.log(`Migrating the ${description}`);
    const applied = await applyMigrations(target);
    if (applied.length === 0) console.log('Already up to date.');
    else
      console.log(
        `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join('\n')}`,
      );
    return 0;
  } finally {
    if (target.kind === 'embedded') await target.pglite.close();
  }
}

async function check(): Promise<number> {
  const drift = await checkDrift();
  if (drift === '') {
    console.log('prisma/schema.prisma and prisma/migrations agree.');
    return 0;
  }
  console.log('prisma/schema.prisma differs from prisma/migrations. The migrations lack:\n');
  console.log(drift.trimEnd());
  console.log('\nCreate a migration for it: npm run db:new-migration -- <name>');
  return 1;
}

async function newMigration(name: string): Promise<number> {
  const created = await createMigration(name);
  if (!created) {
    console.log('prisma/schema.prisma and prisma/migrations already agree: no migration written.');
    return 0;
  }
  console.log(`Wrote ${relative(process.cwd(), created.directory)}/migration.sql:\n`);
  console.log(created.sql.trimEnd());
  return 0;
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
