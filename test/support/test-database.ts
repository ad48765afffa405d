/**
 * Fresh, migrated, isolated databases for tests, of both kinds the application runs on:
 *
 *   describe.each(DATABASE_KINDS)('... on %s', (kind) => {
 *     beforeEach(async () => { database = await createTestDatabase(kind); });
 *     afterEach(() => database.close());
 *   });
 *
 * embedded: an in-memory PGlite cloned from a migrated template (about 0.7 s instead of 3-4 s for
 *   initdb plus migrations). The template is built once and cached on disk per migration set, so
 *   later test processes only clone.
 * postgres: a new database on the server at TEST_DATABASE_URL (default
 *   postgresql://postgres@127.0.0.1:5432/postgres), copied from a migrated template database;
 *   close() drops it. A server that cannot be reached fails the tests: they are never skipped.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

import { buildEmbeddedTemplate, gzipTemplate } from '../../src/db/embedded-template.ts';
import {
  connectPGlite,
  connectPostgres,
  EMBEDDED_START_PARAMS,
  type Database,
  type DatabaseKind,
} from '../../src/db/open-database.ts';
import {
  applyMigrations,
  DEFAULT_MIGRATION_PATHS,
  readMigrationList,
  type MigrationTarget,
} from '../../src/db/schema-engine.ts';
import { atFileEnd } from './file-end.ts';

const ALL_DATABASE_KINDS = ['embedded', 'postgres'] as const satisfies readonly DatabaseKind[];

/**
 * Both kinds, unless TEST_DATABASE_KINDS (comma-separated) names fewer: the mutation run
 * (stryker.config.json) reruns these suites for every mutant and affords only one engine.
 */
export const DATABASE_KINDS: readonly DatabaseKind[] = selectDatabaseKinds(process.env.TEST_DATABASE_KINDS);

function selectDatabaseKinds(setting: string | undefined): readonly DatabaseKind[] {
  if (setting === undefined || setting.trim() === '') return ALL_DATABASE_KINDS;
  const named = setting.split(',').map((name) => name.trim());
  const unknown = named.filter((name) => !ALL_DATABASE_KINDS.some((kind) => kind === name));
  if (unknown.length > 0) {
    throw new Error(
      `TEST_DATABASE_KINDS: unknown kind ${unknown.join(', ')} (known: ${ALL_DATABASE_KINDS.join(', ')})`,
    );
  }
  return ALL_DATABASE_KINDS.filter((kind) => named.includes(kind));
}

const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fresh database with the project's migrations applied, seen by nobody else. */
export async function createTestDatabase(kind: DatabaseKind): Promise<Database> {
  switch (kind) {
    case 'embedded': {
      const pglite = idlePGlites.pop() ?? (await newEmbedded());
      const lease = leased(pglite);
      return connectPGlite(lease.pglite, async () => {
        lease.end();
        await recycle(pglite);
      });
    }
    case 'postgres': {
      const scratch = idleScratches.pop() ?? (await createScratchDatabase(await postgresTemplate()));
      const database = connectPostgres(scratch.url);
      let closing: Promise<void> | undefined;
      return {
        prisma: database.prisma,
        kind: database.kind,
        close: () =>
          (closing ??= (async () => {
            await database.close();
            await recycleScratch(scratch);
          })()),
      };
    }
  }
}

/**
 * Closed embedded databases are emptied and handed to the next test of this process instead of
 * being thrown away: loading the template costs about 0.5 s, emptying every table 40 ms. The next
 * test sees what a new clone would show (no rows, sequences from 1, no session state).
 */
const idlePGlites: PGlite[] = [];
const MAX_IDLE_PGLITES = 2;
let embeddedTables: Promise<string> | undefined;

async function newEmbedded(): Promise<PGlite> {
  // The start parameters of the bot's own embedded database (16 MB of shared buffers).
  return PGlite.create({ loadDataDir: await embeddedTemplate(), startParams: EMBEDDED_START_PARAMS });
}

/**
 * The PGlite as one test sees it: once that test closed its database, whatever of it still runs
 * (a worker not stopped, a Prisma client reconnecting) fails, as it would on a closed instance,
 * instead of writing into the next test's database.
 */
function leased(pglite: PGlite): { pglite: PGlite; end(): void } {
  let open = true;
  const view = new Proxy(pglite, {
    get(target, property) {
      if (!open) throw new Error('This test database was closed.');
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { pglite: view, end: () => (open = false) };
}

async function recycle(pglite: PGlite): Promise<void> {
  if (pglite.closed) return;
  try {
    if (idlePGlites.length >= MAX_IDLE_PGLITES) throw new Error('enough idle databases');
    if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
    embeddedTables ??= pglite
      .query<{ names: string }>(TABLE_NAMES)
      .then((result) => result.rows[0]?.names ?? '');
    await pglite.exec(`DISCARD ALL; TRUNCATE ${await embeddedTables} RESTART IDENTITY CASCADE`);
    idlePGlites.push(pglite);
  } catch {
    await pglite.close().catch(() => undefined);
  }
}

/**
 * The same for PostgreSQL: a closed test database is emptied and handed to the next test of this
 * process instead of being dropped and copied again from the template. Whoever is still connected
 * to it (a process the test started) is disconnected first, as DROP … WITH (FORCE) would; the
 * test's own pool has ended, so its client cannot reach the next test's data.
 */
const idleScratches: ScratchDatabase[] = [];
const MAX_IDLE_SCRATCHES = 2;
// Dropped once the file's tests are done, as each was before.
atFileEnd(async () => {
  await Promise.all(idleScratches.splice(0).map((scratch) => scratch.drop()));
  await Promise.all(idlePGlites.splice(0).map((pglite) => pglite.close()));
});

async function recycleScratch(scratch: ScratchDatabase): Promise<void> {
  if (idleScratches.length >= MAX_IDLE_SCRATCHES) return scratch.drop();
  try {
    const name = new URL(scratch.url).pathname.slice(1);
    await onServer((admin) =>
      admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]),
    );
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const tables = await client.query<{ names: string }>(TABLE_NAMES);
      await client.query(`TRUNCATE ${tables.rows[0]?.names ?? ''} RESTART IDENTITY CASCADE`);
    } finally {
      await client.end();
    }
    idleScratches.push(scratch);
  } catch {
    await scratch.drop();
  }
}

/** Every table of the schema but the migrations' own record, quoted, comma-separated. */
const TABLE_NAMES = `SELECT string_agg(format('%I', tablename), ', ') AS names FROM pg_tables
  WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;

/** A database with no tables at all, for tests of the migrations themselves. */
export interface EmptyDatabase {
  readonly target: MigrationTarget;
  query<Row>(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

export async function createEmptyDatabase(kind: DatabaseKind): Promise<EmptyDatabase> {
  switch (kind) {
    case 'embedded': {
      const pglite = await PGlite.create();
      return {
        target: { kind, pglite },
        query: async <Row>(sql: string) => (await pglite.query<Row>(sql)).rows,
        close: () => pglite.close(),
      };
    }
    case 'postgres': {
      const scratch = await createScratchDatabase();
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      return {
        target: { kind, url: scratch.url },
        query: async <Row>(sql: string) => (await client.query(sql)).rows as Row[],
        close: async () => {
          await client.end();
          await scratch.drop();
        },
      };
    }
  }
}

export interface ScratchDatabase {
  readonly url: string;
  /** Drops the database, disconnecting anyone still on it. */
  drop(): Promise<void>;
}

/** Creates `twinbridge_test_<random>` on the test server, empty or copied from a template database. */
export async function createScratchDatabase(template?: string): Promise<ScratchDatabase> {
  const name = `twinbridge_test_${randomBytes(6).toString('hex')}`;
  await onServer((admin) =>
    admin.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`),
  );
  return {
    url: databaseUrl(name),
    drop: async () => {
      await onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
    },
  };
}

/**
 * A fresh migrated PostgreSQL database to open by its URL: several bot instances in one test,
 * each with its own connection pool as separate processes have.
 */
export async function createMigratedScratchDatabase(): Promise<ScratchDatabase> {
  return createScratchDatabase(await postgresTemplate());
}

// ---------------------------------------------------------------------------------------------
// Templates, keyed by the migration files so that a changed migration gets a new template.

let migrationsKey: Promise<string> | undefined;

function migrationsHash(): Promise<string> {
  migrationsKey ??= (async () => {
    const list = await readMigrationList(DEFAULT_MIGRATION_PATHS.migrationsDir);
    const hash = createHash('sha256');
    for (const folder of list.migrationDirectories) {
      const content = folder.migrationFile.content;
      hash.update(`${folder.path}\0${content.tag}\0${content.value}\0`);
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return migrationsKey;
}

// Beside other tools' caches; `npm ci` starts it afresh.
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/twinbridge-test-db/', import.meta.url));
let embeddedTemplateBlob: Promise<Blob> | undefined;

function embeddedTemplate(): Promise<Blob> {
  embeddedTemplateBlob ??= (async () => {
    const require = createRequire(import.meta.url);
    const pglitePackage = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
    const { version } = JSON.parse(await readFile(pglitePackage, 'utf8')) as { version: string };
    const cacheFile = join(cacheDir, `pglite-${version}-${await migrationsHash()}.tar.gz`);
    try {
      return new Blob([gunzipSync(await readFile(cacheFile))]);
    } catch {
      // Not built yet (or unreadable): build it below.
    }

    const dump = await buildEmbeddedTemplate();
    // Written under a unique name and renamed, so a parallel test process never reads half a file.
    const partial = `${cacheFile}.${process.pid}.partial`;
    await mkdir(cacheDir, { recursive: true });
    await writeFile(partial, await gzipTemplate(dump));
    await rename(partial, cacheFile);
    return dump;
  })();
  return embeddedTemplateBlob;
}

let postgresTemplateName: Promise<string> | undefined;

function postgresTemplate(): Promise<string> {
  postgresTemplateName ??= (async () => {
    const name = `twinbridge_template_${await migrationsHash()}`;
    await onServer(async (admin) => {
      // Test processes run in parallel: one builds, the others wait for it.
      await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount) return;
        // Built under another name and renamed once complete: a crash never leaves a half-built template.
        const building = `${name}_${randomBytes(4).toString('hex')}`;
        await admin.query(`CREATE DATABASE ${quote(building)}`);
        try {
          await applyMigrations({ kind: 'postgres', url: databaseUrl(building) });
          await admin.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(name)}`);
        } catch (error) {
          await admin.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`);
          throw error;
        }
      } finally {
        await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    });
    return name;
  })();
  return postgresTemplateName;
}

// ---------------------------------------------------------------------------------------------
// Server access

async function onServer<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The postgres tests need the PostgreSQL server at ${TEST_SERVER_URL} ` +
        `(${error instanceof Error ? error.message : String(error)}). ` +
        'Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or point TEST_DATABASE_URL at one.',
      { cause: error },
    );
  }
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
