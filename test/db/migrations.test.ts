import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { applyMigrations, DEFAULT_MIGRATION_PATHS, readMigrationList } from '../../src/db/schema-engine.ts';
import { createEmptyDatabase, DATABASE_KINDS, type EmptyDatabase } from '../support/test-database.ts';

const IN_REPLY_TO = '20261207235227_relay_in_reply_to';

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

  /** The project's migrations before `folder` (those named earlier), in a temporary directory. */
  async function migrationsBefore(folder: string): Promise<string> {
    const dir = join(scratchDir, 'before');
    const from = DEFAULT_MIGRATION_PATHS.migrationsDir;
    await cp(from, dir, {
      recursive: true,
      // Migration folders start with their timestamp; migration_lock.toml is kept.
      filter: (path) => {
        const [name = ''] = relative(from, path).split(sep);
        return !/^\d/.test(name) || name < folder;
      },
    });
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

  // RelayedMessage.inReplyTo (docs/RELAY.md, "Backfill"): Slack replies relayed before it get their
  // thread's parent in their own channel (the root's original there, or the root's copy posted
  // there), so the first backfill after the upgrade reads their threads; other rows stay NULL.
  it('fills in the thread parent of Slack replies relayed before inReplyTo was kept, and nothing else', async () => {
    // The schema as it was before the migration.
    await applyMigrations(database.target, { migrationsDir: await migrationsBefore(IN_REPLY_TO) });
    // One statement a query: PGlite prepares each.
    for (const statement of [
      `INSERT INTO "Community" (id, platform, "externalId", name) VALUES
        ('c-slack', 'SLACK', 'T0001', 'Krumlov'), ('c-discord', 'DISCORD', 'G1', 'Passau')`,
      `INSERT INTO "Town" (id, name, country, "timeZone", language, "communityId") VALUES
        ('t-slack', 'Český Krumlov', 'CZ', 'Europe/Prague', 'cs', 'c-slack'),
        ('t-discord', 'Passau', 'DE', 'Europe/Berlin', 'de', 'c-discord')`,
      `INSERT INTO "Partnership" (id, name, form, "updatedAt") VALUES ('p', 'Krumlov – Passau', 'FORMAL', now())`,
      `INSERT INTO "ChannelLink" (id, "partnershipId", "townId", "communityId", "channelId", language, relay) VALUES
        ('l-slack', 'p', 't-slack', 'c-slack', 'C1', 'cs', true),
        ('l-discord', 'p', 't-discord', 'c-discord', 'D1', 'de', true)`,
      `INSERT INTO "RelayedMessage" (id, "originLinkId", "originMessageId", "threadOfId") VALUES
        ('own-root', 'l-slack', '100.000001', NULL),
        ('own-reply', 'l-slack', '100.000002', 'own-root'),
        ('discord-root', 'l-discord', '900', NULL),
        ('reply-to-copy', 'l-slack', '100.000004', 'discord-root'),
        ('discord-reply', 'l-discord', '900/901', 'discord-root'),
        ('unseen-parent', 'l-slack', '100.000005', NULL)`,
      `INSERT INTO "Delivery" (id, "dedupeKey", kind, "sourceId", payload, "dueAt", "updatedAt", "channelLinkId", "platformMessageId") VALUES
        ('d1', 'relay:discord-root:l-slack', 'relay.message', 'discord-root', '{}', now(), now(), 'l-slack', '100.000003')`,
    ]) {
      await database.query(statement);
    }

    await applyMigrations(database.target);

    const rows = await database.query<{ id: string; inReplyTo: string | null }>(
      'SELECT id, "inReplyTo" FROM "RelayedMessage" ORDER BY id',
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.inReplyTo]))).toEqual({
      'discord-reply': null,
      'discord-root': null,
      'own-reply': '100.000001',
      'own-root': null,
      'reply-to-copy': '100.000003',
      'unseen-parent': null,
    });
  });
});
