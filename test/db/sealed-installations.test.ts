/**
 * Slack installation tokens at rest (PrismaSlackInstallationStore with a TokenCipher), on both
 * engines: what the row holds, reading it back, rotation to a new key, and rows written in plain
 * text (by an earlier version, or without a key) sealed once a key is set.
 */
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrismaSlackInstallationStore } from '../../src/db/repositories/slack-repositories.ts';
import { TokenCipher } from '../../src/db/token-cipher.ts';
import type { Database } from '../../src/db/open-database.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { openInstallations } from '../../src/main.ts';
import { recordingLogger } from '../support/recording-logger.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';

const BOT_TOKEN = 'xoxb-111-222-sealedbottoken';
const USER_TOKEN = 'xoxp-111-222-sealedusertoken';
const WEBHOOK = 'https://hooks.slack.com/services/T1/B1/webhooksecret';

const installation = (team = 'T1', token = BOT_TOKEN): Installation => ({
  team: { id: team, name: 'Kolín' },
  enterprise: undefined,
  isEnterpriseInstall: false,
  bot: { token, scopes: ['chat:write'], id: 'B1', userId: 'U0BOT' },
  user: { token: USER_TOKEN, scopes: [], id: 'U1' },
  incomingWebhook: { url: WEBHOOK },
  appId: 'A1',
});

describe.each(DATABASE_KINDS)('sealed Slack installations on %s', (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(() => database.close());

  /** The row's data exactly as stored, as text. */
  const rawRow = async (id = 'T1'): Promise<string> => {
    const row = await database.prisma.slackInstallation.findUniqueOrThrow({ where: { id } });
    return JSON.stringify(row.data);
  };

  it('stores version:iv:tag:ciphertext, not the tokens, and reads the installation back', async () => {
    const store = new PrismaSlackInstallationStore(database.prisma, new TokenCipher(randomBytes(32)));
    await store.storeInstallation(installation());
    const raw = await rawRow();
    for (const secret of [BOT_TOKEN, USER_TOKEN, WEBHOOK, 'sealedbottoken'])
      expect(raw).not.toContain(secret);
    expect(raw).toMatch(/^\{"sealed":"v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"\}$/);
    const found = await store.fetchInstallation({
      teamId: 'T1',
      isEnterpriseInstall: false,
      enterpriseId: undefined,
    });
    expect(found.bot?.token).toBe(BOT_TOKEN);
    expect(found.incomingWebhook?.url).toBe(WEBHOOK);
  });

  it('does not open a sealed value copied onto another workspace’s row', async () => {
    const store = new PrismaSlackInstallationStore(database.prisma, new TokenCipher(randomBytes(32)));
    await store.storeInstallation(installation('T1'));
    await store.storeInstallation(installation('T2', 'xoxb-other'));
    const t1 = await database.prisma.slackInstallation.findUniqueOrThrow({ where: { id: 'T1' } });
    await database.prisma.slackInstallation.update({ where: { id: 'T2' }, data: { data: t1.data ?? {} } });
    await expect(
      store.find({ teamId: 'T2', isEnterpriseInstall: false, enterpriseId: undefined }),
    ).rejects.toThrow('no configured key opens this sealed value');
  });

  it('rotates: an old key still opens, and the row is sealed again with the new key', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    await new PrismaSlackInstallationStore(database.prisma, new TokenCipher(oldKey)).storeInstallation(
      installation(),
    );
    const before = await rawRow();
    const rotated = new PrismaSlackInstallationStore(database.prisma, new TokenCipher(newKey, [oldKey]));
    expect(await rotated.resealAll()).toEqual({ resealed: 1, plaintext: 0 });
    expect(await rawRow()).not.toBe(before);
    // The old key can go now: the new key alone reads it.
    const newOnly = new PrismaSlackInstallationStore(database.prisma, new TokenCipher(newKey));
    const found = await newOnly.find({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined });
    expect(found?.bot?.token).toBe(BOT_TOKEN);
    expect(await newOnly.resealAll()).toEqual({ resealed: 0, plaintext: 0 });
  });

  it('re-seals a row under an old key when it is read', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    await new PrismaSlackInstallationStore(database.prisma, new TokenCipher(oldKey)).storeInstallation(
      installation(),
    );
    const rotated = new PrismaSlackInstallationStore(database.prisma, new TokenCipher(newKey, [oldKey]));
    await rotated.find({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined });
    const newOnly = new PrismaSlackInstallationStore(database.prisma, new TokenCipher(newKey));
    const found = await newOnly.find({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined });
    expect(found?.bot?.token).toBe(BOT_TOKEN);
  });

  it('without a key stores marked plain text; with a key, that row and an earlier version’s are sealed', async () => {
    const plain = new PrismaSlackInstallationStore(database.prisma);
    await plain.storeInstallation(installation('T1'));
    expect(await rawRow('T1')).toMatch(/^\{"plaintext":\{/);
    // A row as versions before sealing wrote it: the bare installation.
    await database.prisma.slackInstallation.create({
      data: {
        id: 'T2',
        teamId: 'T2',
        data: JSON.parse(JSON.stringify(installation('T2', 'xoxb-legacy-row'))) as object,
      },
    });
    expect(await plain.resealAll()).toEqual({ resealed: 0, plaintext: 2 });
    const legacy = await plain.find({ teamId: 'T2', isEnterpriseInstall: false, enterpriseId: undefined });
    expect(legacy?.bot?.token).toBe('xoxb-legacy-row');

    const key = randomBytes(32);
    const sealed = new PrismaSlackInstallationStore(database.prisma, new TokenCipher(key));
    expect(await sealed.resealAll()).toEqual({ resealed: 2, plaintext: 0 });
    expect(await rawRow('T1')).not.toContain(BOT_TOKEN);
    expect(await rawRow('T2')).not.toContain('xoxb-legacy-row');
    const found = await sealed.find({ teamId: 'T2', isEnterpriseInstall: false, enterpriseId: undefined });
    expect(found?.bot?.token).toBe('xoxb-legacy-row');
    // Sealed rows cannot be read without the key, and the error says which variable to set.
    await expect(
      plain.find({ teamId: 'T1', isEnterpriseInstall: false, enterpriseId: undefined }),
    ).rejects.toThrow('set TWINBRIDGE_TOKEN_KEY');
  });
});

describe('at start', () => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase('embedded');
  });
  afterEach(() => database.close());

  const oauthConfig = (tokenKeys: Config['tokenKeys']): Config => ({
    ...loadConfig({
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'c',
      SLACK_STATE_SECRET: 's'.repeat(32),
      SLACK_SIGNING_SECRET: 'x',
    }),
    tokenKeys,
  });

  it('warns that tokens are stored in plain text without a key, and seals them once one is set', async () => {
    const logger = recordingLogger();
    const plain = await openInstallations(oauthConfig(undefined), database, logger);
    await plain.storeInstallation(installation());
    await openInstallations(oauthConfig(undefined), database, logger);
    expect(logger.entries.map((e) => [e.level, e.message, e.details])).toEqual([
      [
        'warn',
        'Slack installation tokens are stored in plain text: set TWINBRIDGE_TOKEN_KEY (openssl rand -base64 32) to seal them',
        { plaintext: 0 },
      ],
      [
        'warn',
        'Slack installation tokens are stored in plain text: set TWINBRIDGE_TOKEN_KEY (openssl rand -base64 32) to seal them',
        { plaintext: 1 },
      ],
    ]);
    const keyed = recordingLogger();
    await openInstallations(oauthConfig({ current: randomBytes(32), old: [] }), database, keyed);
    expect(keyed.entries.map((e) => [e.level, e.message, e.details])).toEqual([
      ['info', 'Slack installations sealed with the current token key', { resealed: 1 }],
    ]);
    const row = await database.prisma.slackInstallation.findUniqueOrThrow({ where: { id: 'T1' } });
    expect(JSON.stringify(row.data)).not.toContain(BOT_TOKEN);
  });
});
