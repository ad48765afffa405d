/**
 * Opens the application's database: PostgreSQL when a URL is given, otherwise the embedded
 * PGlite in a data directory. Pending migrations are applied before the database is handed out.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { PrismaClient } from './generated/client.ts';
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
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const started = performance.now();
  let target: MigrationTarget;
  let connect: () => Database;
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    target = { kind: 'postgres', url };
    connect = () => connectPostgres(url);
  } else {
    const pglite = await openPGlite(options.dataDir);
    target = { kind: 'embedded', pglite };
    connect = () => connectPGlite(pglite);
  }

  let applied: string[];
  try {
    applied = await applyMigrations(target, { migrationsDir: options.migrationsDir });
  } catch (error) {
    if (target.kind === 'embedded') await target.pglite.close();
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

/** Opens (or initialises) PGlite in a directory, or in memory for ':memory:'. No migrations. */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  if (dataDir === ':memory:') return PGlite.create();
  const path = resolve(dataDir);
  await mkdir(path, { recursive: true });
  return PGlite.create(path);
}

/** Wraps an open PGlite without migrating it; close() closes the PGlite too. */
export function connectPGlite(pglite: PGlite): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return withClose(prisma, 'embedded', async () => {
    await prisma.$disconnect();
    await pglite.close();
  });
}

/** Connects to PostgreSQL without migrating it. */
export function connectPostgres(url: string): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return withClose(prisma, 'postgres', () => prisma.$disconnect());
}

function withClose(prisma: PrismaClient, kind: DatabaseKind, shutdown: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind,
    close: () => (closing ??= shutdown()),
  };
}
