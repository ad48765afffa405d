/**
 * The migration that keeps what a relayed reply answers (RelayedMessage.inReplyTo, docs/RELAY.md
 * "Backfill"): Slack replies relayed before it get their thread's parent in their own channel —
 * the root's original there, or the root's copy posted there — so the first backfill after the
 * upgrade reads their threads; other rows stay NULL.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { applyMigrations, DEFAULT_MIGRATION_PATHS } from '../../src/db/schema-engine.ts';
import { createEmptyDatabase, DATABASE_KINDS, type EmptyDatabase } from '../support/test-database.ts';

const MIGRATION = '20261207235227_relay_in_reply_to';

describe.each(DATABASE_KINDS)('the in-reply-to migration on %s', (kind) => {
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

  it('fills in the thread parent of Slack replies relayed before it, and nothing else', async () => {
    // The schema as it was before the migration.
    const before = join(scratchDir, 'migrations');
    await cp(DEFAULT_MIGRATION_PATHS.migrationsDir, before, {
      recursive: true,
      filter: (path) => !path.includes(MIGRATION),
    });
    await applyMigrations(database.target, { migrationsDir: before });
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
