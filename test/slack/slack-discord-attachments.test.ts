/**
 * Files relayed between a Slack town and a Discord town (docs/RELAY.md, "Attachments"), both
 * adapters in one process as main() wires them, the real Bolt and discord.js against the
 * emulators: an image each way re-uploaded, a file over Discord's limit linked with a note in
 * the channel's language, an expired Discord CDN URL renewed by fetching the message, a file
 * deleted at its origin, and an upload whose answer was lost posted once on each platform.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import type { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { TestClock } from '../console/console-harness.ts';
import type { DiscordEmulator } from '../emulators/discord/discord-emulator.ts';
import { EXECUTE_WEBHOOK } from '../emulators/discord/faults.ts';
import type { SlackEmulator } from '../emulators/slack/slack-emulator.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { startRelayingSlackAndDiscord, type RelayingSlackAndDiscord } from './relaying-slack-and-discord.ts';

/** developers/reference.mdx, "Uploading Files": "The default limit is `10 MiB`" per file. */
const DISCORD_DEFAULT_FILE_LIMIT = 10 * 1024 * 1024;
/** developers/reference.mdx, "Signed Attachment CDN URLs": links expire; Discord's last about a day. */
const PAST_EXPIRY_MS = 25 * 60 * 60_000;

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('files relayed between a Slack town and a Discord town', () => {
  let database: Database;
  let slack: SlackEmulator;
  let discord: DiscordEmulator;
  let discordAdapter: DiscordAdapter;
  let worker: DeliveryWorker;
  let clock: TestClock;
  let partneri: string;
  let jana: string;
  let partnerstadt: string;
  let seenOnDiscord: RelayingSlackAndDiscord['seenOnDiscord'];
  let stop: () => Promise<void>;

  /** Max writes in Passau's channel; resolves once the relay has it (not yet sent). */
  async function maxWrites(
    content: string,
    attachments: { filename: string; data: Buffer; contentType?: string }[],
  ): Promise<string> {
    let id = '';
    const seen = seenOnDiscord('messageCreate', () => id);
    id = discord.memberWrites({
      guild: 'Passau',
      channel: 'partnerstadt',
      user: 'max',
      content,
      attachments,
    }).id;
    await seen;
    await discordAdapter.whenIdle();
    return id;
  }

  async function janaWrites(
    text: string,
    files: { name: string; mimetype?: string; data?: Buffer; size?: number }[],
  ) {
    const written = await slack.members.writes({ channel: partneri, user: jana, text, files });
    await slack.members.settled();
    return written;
  }

  /** A later attempt, after the outbox's backoff. */
  async function retryLater(): Promise<void> {
    clock.set(new Date(clock.now().getTime() + 15 * 60_000));
    await worker.drainDue();
  }

  const copiesOnDiscord = () => {
    const relayHooks = new Set(discord.webhooks(partnerstadt).map((w) => w.id));
    return discord.channelView(partnerstadt).filter((m) => m.webhookId && relayHooks.has(m.webhookId));
  };
  /** Slack messages after `ts`: the copy (under the author's name), then the bot's message with the files. */
  const slackAfter = (ts: string) => slack.messages(partneri).filter((m) => m.ts > ts);
  const krumlovReads = async (url: string) =>
    (await fetch(url, { headers: { Authorization: `Bearer ${slack.workspace().botToken}` } })).arrayBuffer();
  const latestTs = () => slack.messages(partneri).at(-1)?.ts ?? '0';

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    ({ slack, discord, discordAdapter, worker, clock, partneri, jana, partnerstadt, seenOnDiscord, stop } =
      await startRelayingSlackAndDiscord(database));
  }, 60_000);

  afterAll(async () => {
    await stop();
    await database.close();
  });

  it('uploads an image shared on Slack to Discord with the copy', async () => {
    await janaWrites('Fotka z náměstí', [{ name: 'namesti.png', mimetype: 'image/png', data: PNG }]);
    await worker.drainDue();
    const copy = copiesOnDiscord().at(-1);
    expect(copy?.content).toBe('Fotka z náměstí');
    expect(copy?.attachments.map((a) => [a.filename, a.size, a.contentType])).toEqual([
      ['namesti.png', PNG.length, 'image/png'],
    ]);
    expect(Buffer.from(await (await fetch(copy?.attachments[0]?.url ?? '')).arrayBuffer())).toEqual(PNG);
  });

  it('uploads an image shared on Discord to Slack, right after the copy', async () => {
    const before = latestTs();
    await maxWrites('Blick vom Dom', [{ filename: 'dom.png', data: PNG, contentType: 'image/png' }]);
    await worker.drainDue();
    const [copy, files, ...more] = slackAfter(before);
    expect(copy).toMatchObject({ text: 'Blick vom Dom', username: 'Max (Passau)' });
    expect(files?.files?.map((f) => f['name'])).toEqual(['dom.png']);
    expect(more).toEqual([]);
    expect(Buffer.from(await krumlovReads(String(files?.files?.[0]?.['url_private_download'])))).toEqual(PNG);
  });

  it('removes a Slack copy’s files with it when the original is deleted on Discord', async () => {
    const before = latestTs();
    const id = await maxWrites('Nur kurz', [{ filename: 'kurz.png', data: PNG, contentType: 'image/png' }]);
    await worker.drainDue();
    const [copy, files] = slackAfter(before);
    const deleted = seenOnDiscord('messageDelete', () => id);
    discord.memberDeletes(id);
    await deleted;
    await discordAdapter.whenIdle();
    await worker.drainDue();
    expect(slackAfter(before)).toEqual([]);
    expect(slack.messages(partneri, { includeDeleted: true }).map((m) => m.ts)).toEqual(
      expect.arrayContaining([copy?.ts, files?.ts]),
    );
    const url = String(files?.files?.[0]?.['url_private_download']);
    expect(
      (await fetch(url, { headers: { Authorization: `Bearer ${slack.workspace().botToken}` } })).status,
    ).toBe(404);
  });

  it('links a file over Discord’s limit, with a note in German, to its Slack permalink', async () => {
    const written = await janaWrites('Video ze slavností', [
      { name: 'slavnosti.mp4', mimetype: 'video/mp4', size: DISCORD_DEFAULT_FILE_LIMIT + 1 },
    ]);
    await worker.drainDue();
    const copy = copiesOnDiscord().at(-1);
    const permalink = String(written.files?.[0]?.['permalink']);
    // 10 MiB + 1 byte = 10.49 MB, as German writes it.
    expect(copy?.content).toBe(
      `Video ze slavností\n📎 [Datei zu groß zum Kopieren: slavnosti.mp4 (10,5 MB)](${permalink})`,
    );
    expect(copy?.attachments).toEqual([]);
  });

  it('renews an expired Discord CDN link by fetching the message, and copies the file', async () => {
    const before = latestTs();
    const id = await maxWrites('Plan für Samstag', [
      { filename: 'plan.txt', data: Buffer.from('Samstag 10 Uhr') },
    ]);
    discord.advanceCdnClock(PAST_EXPIRY_MS);
    await worker.drainDue();
    const [copy, files] = slackAfter(before);
    expect(copy?.text).toBe('Plan für Samstag');
    expect(
      Buffer.from(await krumlovReads(String(files?.files?.[0]?.['url_private_download']))).toString(),
    ).toBe('Samstag 10 Uhr');
    const fetched = discord.requests({ method: 'GET', route: `/channels/${partnerstadt}/messages/${id}` });
    expect(fetched).toHaveLength(1);
  });

  it('links a file deleted at its origin before the copy was sent, saying it could not be copied', async () => {
    const written = await janaWrites('Plán', [
      { name: 'plan.pdf', mimetype: 'application/pdf', data: Buffer.from('%PDF') },
    ]);
    slack.members.deletesFile(String(written.files?.[0]?.['id']));
    await worker.drainDue();
    const permalink = String(written.files?.[0]?.['permalink']);
    expect(copiesOnDiscord().at(-1)?.content).toBe(
      `Plán\n📎 [Datei konnte nicht kopiert werden: plan.pdf](${permalink})`,
    );
  });

  it('posts a copy with a file once on Discord when the execution’s answer was lost', async () => {
    const fault = discord.failNext(EXECUTE_WEBHOOK, { type: 'lost-answer' });
    const executions = discord.requests(EXECUTE_WEBHOOK).length;
    await janaWrites('', [{ name: 'mapa.png', mimetype: 'image/png', data: PNG }]);
    await worker.drainDue();
    expect(fault.hits).toBe(1);
    await retryLater();
    const withMap = copiesOnDiscord().filter((m) => m.attachments.some((a) => a.filename === 'mapa.png'));
    expect(withMap).toHaveLength(1);
    expect(withMap[0]?.content).toBe('');
    // The retry looked in the channel and found it: one execution.
    expect(discord.requests(EXECUTE_WEBHOOK).length - executions).toBe(1);
  });

  it('shares a copy’s file once on Slack when the answer to sharing it was lost', async () => {
    const before = latestTs();
    const shares = () => slack.calls('files.completeUploadExternal').length;
    const sharedBefore = shares();
    const fault = slack.failNext('files.completeUploadExternal', { type: 'lost_answer' });
    await maxWrites('Ein Foto', [{ filename: 'foto.png', data: PNG, contentType: 'image/png' }]);
    await worker.drainDue();
    expect(fault.hits).toBe(1);
    await retryLater();
    const [copy, files, ...more] = slackAfter(before);
    expect(copy?.text).toBe('Ein Foto');
    expect(files?.files?.map((f) => f['name'])).toEqual(['foto.png']);
    expect(more).toEqual([]);
    // The retry looked after the copy, found the files shared, and shared nothing more.
    expect(shares() - sharedBefore).toBe(1);
  });
});
