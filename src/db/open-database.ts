/**
 * Opens the application's database: PostgreSQL when a URL is given, otherwise the embedded
 * PGlite in a data directory. Pending migrations are applied before the database is handed out.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { PrismaClient } from './generated/client.ts';
import { PG_VERSION_FILE, unpackEmbeddedTemplate } from './embedded-template.ts';
import { ownedPool } from './postgres-pool.ts';
import { roundTripCounting } from './round-trips.ts';
import { applyMigrations, type MigrationTarget } from './schema-engine.ts';

export type { PrismaClient } from './generated/client.ts';

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: DatabaseKind;
  /** Disconnects Prisma and, for the embedded database, shuts PGlite down cleanly. Safe to call twice. */
  close(): Promise<void>;
}

/** The pino-style call the database layer makes; pino and the core Logger both fit. */
export interface DatabaseLogger {
  info(details: object, message: string): void;
}

export interface OpenDatabaseOptions {
  /** A postgresql:// URL. When set, dataDir is not used. */
  databaseUrl?: string | undefined;
  /** The embedded database's directory (created if missing), or ':memory:'. */
  dataDir: string;
  logger?: DatabaseLogger | undefined;
  /** Defaults to prisma/migrations in this project. */
  migrationsDir?: string | undefined;
  /** The template a new embedded directory starts from; defaults to the installed one. */
  templatePath?: string | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const started = performance.now();
  let target: MigrationTarget;
  let connect: () => Database;
  let abandon = () => Promise.resolve();
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    target = { kind: 'postgres', url };
    connect = () => connectPostgres(url);
  } else {
    const embedded = await openPGlite(options.dataDir, options.templatePath);
    target = { kind: 'embedded', pglite: embedded.pglite };
    connect = () => connectPGlite(embedded.pglite, embedded.close);
    abandon = embedded.close;
  }

  let applied: string[];
  try {
    applied = await applyMigrations(target, { migrationsDir: options.migrationsDir });
  } catch (error) {
    await abandon();
    throw error;
  }

  const database = connect();
  options.logger?.info(
    {
      kind: database.kind,
      ...(database.kind === 'embedded' ? { dataDir: options.dataDir } : {}),
      appliedMigrations: applied,
      ms: Math.round(performance.now() - started),
    },
    'database ready',
  );
  return database;
}

/**
 * PGlite starts PostgreSQL with its default 128 MB of shared buffers, held for the whole run:
 * a bare open of a data directory measured 282–310 MB resident, 182–190 MB with 16 MB. A town's
 * data is a few megabytes, so 16 MB holds all of it; the operating system caches the files too.
 */
export const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** An open PGlite; close() shuts it down and gives its data directory free. */
export interface OpenPGlite {
  readonly pglite: PGlite;
  readonly close: () => Promise<void>;
}

/**
 * Opens PGlite in a directory (a new one from the template at `templatePath`, else by initdb),
 * or in memory for ':memory:'. No migrations.
 * Two PGlite instances on one directory would corrupt it, and PGlite does not guard against
 * that, so the directory is locked for this process until close().
 */
export async function openPGlite(dataDir: string, templatePath?: string): Promise<OpenPGlite> {
  if (dataDir === ':memory:') {
    const pglite = await PGlite.create({ startParams: EMBEDDED_START_PARAMS });
    return { pglite, close: () => pglite.close() };
  }
  const path = resolve(dataDir);
  await mkdir(path, { recursive: true, mode: 0o700 });
  await checkPrivate(path);
  const unlock = await lockDataDir(path);
  let pglite: PGlite;
  try {
    // A new directory starts from the installed template, not from initdb (embedded-template.ts).
    if (!existsSync(join(path, PG_VERSION_FILE))) {
      await withPrivateFiles(() => unpackEmbeddedTemplate(path, templatePath));
    }
    pglite = await withPrivateFiles(() => PGlite.create(path, { startParams: EMBEDDED_START_PARAMS }));
    // Files an earlier version created readable by others are closed too.
    await makePrivate(path);
  } catch (error) {
    await unlock();
    throw error;
  }
  return {
    pglite,
    close: async () => {
      await pglite.close();
      await unlock();
    },
  };
}

/** Wraps an open PGlite without migrating it; close() also runs closePGlite. */
export function connectPGlite(
  pglite: PGlite,
  closePGlite: () => Promise<void> = () => pglite.close(),
): Database {
  const prisma = new PrismaClient({ adapter: roundTripCounting(new PrismaPGlite(pglite)) });
  return withClose(prisma, 'embedded', async () => {
    await prisma.$disconnect();
    await closePGlite();
  });
}

/**
 * How long a new connection may take before the attempt counts as failed: a server that does not
 * answer makes commands fail soon with "try again in a moment" instead of hanging.
 */
const CONNECT_TIMEOUT_MS = 5_000;
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

/**
 * Connects to PostgreSQL without migrating it. The pool replaces a connection the server
 * terminated (a restart, pg_terminate_backend) by a new one on the next query; the statement
 * that was running on it fails (PrismaStore reports that as DatabaseUnavailableError).
 */
export function connectPostgres(url: string): Database {
  const connections = ownedPool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A server that vanished without closing the connection is noticed by TCP keep-alive.
    keepAlive: true,
    // A process frozen (SIGSTOP, a stalled VM) inside a transaction would hold its row locks,
    // and the outbox rows it claimed, until it resumes: the server ends such a session after
    // this (longer than PrismaStore's 20 s transaction timeout).
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // The outbox claim's plan is costed far above jit_above_cost (its anti-joins are costed per
    // row of the whole backlog, though a LIMIT stops it after a few thousand), so PostgreSQL
    // compiled it at every claim: 0.2-4.4 s of JIT for a statement that runs in 20-90 ms. The
    // bot's statements are short OLTP ones that JIT never pays off for.
    options: '-c jit=off',
  });
  const prisma = new PrismaClient({ adapter: roundTripCounting(new PrismaPg(connections.pool)) });
  return withClose(prisma, 'postgres', async () => {
    await prisma.$disconnect();
    await connections.ended();
  });
}

function withClose(prisma: PrismaClient, kind: DatabaseKind, shutdown: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind,
    close: () => (closing ??= shutdown()),
  };
}

/**
 * The data directory holds member interests and announcement text (the WAL too): like
 * PostgreSQL, refuse one that others may read or write (0700, or 0750 at most) or that
 * belongs to another user.
 */
async function checkPrivate(path: string): Promise<void> {
  const info = await stat(path);
  if (!info.isDirectory()) throw new Error(`The embedded database's directory ${path} is not a directory.`);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new Error(
      `The embedded database's directory ${path} belongs to another user (uid ${info.uid}); ` +
        `run Twinbridge as that user, or give it to this one (chown).`,
    );
  }
  if ((info.mode & 0o027) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(3, '0');
    throw new Error(
      `The embedded database's directory ${path} can be read or written by other users (mode ${mode}). ` +
        `It holds members' data: run \`chmod 700 ${path}\` and start again.`,
    );
  }
}

/** Runs `work` with a umask that keeps new files to their owner (where the process may set one). */
async function withPrivateFiles<T>(work: () => Promise<T>): Promise<T> {
  let previous: number | undefined;
  try {
    previous = process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask: makePrivate closes the files afterwards.
  }
  try {
    return await work();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}

/** Takes group and other permissions off everything under `path`. */
async function makePrivate(path: string): Promise<void> {
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath, entry.name);
    const { mode } = await stat(file);
    if ((mode & 0o077) !== 0) await chmod(file, mode & 0o700);
  }
}

const LOCK_FILE = 'twinbridge.lock';
const lockedHere = new Set<string>();

/** A pid file: a holder that has died (crash, kill -9) leaves a lock the next start takes over. */
async function lockDataDir(path: string): Promise<() => Promise<void>> {
  const lockPath = join(path, LOCK_FILE);
  if (lockedHere.has(path)) throw new Error(`${path} is already open in this process.`);
  for (;;) {
    try {
      await writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
    // Our own pid in the file is a previous run's (a restarted container often gets the same pid).
    if (holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database in ${path} is in use by process ${holder}. ` +
          `Stop it first; if no such Twinbridge process exists, delete ${lockPath}.`,
      );
    }
    await rm(lockPath, { force: true });
  }
  lockedHere.add(path);
  return async () => {
    lockedHere.delete(path);
    await rm(lockPath, { force: true });
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
