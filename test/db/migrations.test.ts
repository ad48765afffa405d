import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { applyMigrations, DEFAULT_MIGRATION_PATHS, readMigrationList } from '../../src/db/schema-engine.ts';
import { createEmptyDatabase, DATABASE_KINDS, type EmptyDatabase } from '../support/test-database.ts';

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let database: EmptyDatabase;
  let scratchDir: string;

  beforeEach(async () => {
    database = await createEmptyDatabase(kind);
    scratchDir = await mkdtemp(join(tmpdir(), 'twinbridge-migrations-'));
  });
  afterEach(async () => {
    await database.close();
    await rm(scratchDir, { recursive: true, force: true });
  });

  /** The project's migrations plus one more folder, in a temporary directory. */
  async function migrationsWith(folder: string, sql: string): Promise<string> {
    const dir = join(scratchDir, 'migrations');
    await cp(DEFAULT_MIGRATION_PATHS.migrationsDir, dir, { recursive: true });
    await mkdir(join(dir, folder));
    await writeFile(join(dir, folder, 'migration.sql'), sql);
    return dir;
  }

  it('applies every migration once and records it as prisma migrate deploy does', async () => {
    const folders = (await readMigrationList(DEFAULT_MIGRATION_PATHS.migrationsDir)).migrationDirectories;
    expect(folders.length).toBeGreaterThan(0);

    expect(await applyMigrations(database.target)).toEqual(folders.map((folder) => folder.path));

    const recorded = await database.query<{ migration_name: string; checksum: string; finished: boolean }>(
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded).toEqual(
      folders.map((folder) => ({
        migration_name: folder.path,
        checksum: createHash('sha256').update(String(folder.migrationFile.content.value)).digest('hex'),
        finished: true,
      })),
    );
    const tables = await database.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining([
        'Community',
        'Town',
        'Partnership',
        'Exchange',
        'Rsvp',
        'Delivery',
        'AuditEntry',
      ]),
    );

    expect(await applyMigrations(database.target)).toEqual([]);
    const [count] = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM "_prisma_migrations"',
    );
    expect(count?.n).toBe(folders.length);
  });

  it('applies only a migration added later', async () => {
    await applyMigrations(database.target);
    const migrationsDir = await migrationsWith(
      '99990101000000_add_motto',
      'ALTER TABLE "Town" ADD COLUMN "motto" TEXT;\n',
    );

    expect(await applyMigrations(database.target, { migrationsDir })).toEqual(['99990101000000_add_motto']);
    const columns = await database.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'Town' AND column_name = 'motto'",
    );
    expect(columns).toHaveLength(1);
  });

  it('rolls a failing migration back as a whole and refuses to go past it', async () => {
    const migrationsDir = await migrationsWith(
      '99990101000000_broken',
      'CREATE TABLE "Half" (id INT);\nSELECT * FROM "NoSuchTable";\n',
    );

    await expect(applyMigrations(database.target, { migrationsDir })).rejects.toThrow(/NoSuchTable/);
    const [half] = await database.query<{ found: string | null }>(
      `SELECT to_regclass('"Half"')::text AS found`,
    );
    expect(half?.found).toBeNull();
    const [failed] = await database.query<{ finished: boolean }>(
      `SELECT finished_at IS NOT NULL AS finished FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
    );
    expect(failed?.finished).toBe(false);

    // The next start-up must stop rather than run on a half-migrated schema.
    await expect(applyMigrations(database.target, { migrationsDir })).rejects.toThrow(/failed migrations/);
  });
});
