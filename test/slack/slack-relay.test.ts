/**
 * Members of two partner towns talking across two Slack workspaces (issue 12), through the real
 * Bolt app against the emulator: what jana writes in Český Krumlov's #partneri appears in
 * Passau's #partnerstadt under her name, town and picture, formatting kept; a reply in the copy's
 * thread lands in the original's thread; edits and deletes reach the copy; the bot's own posts
 * (and other bots') are not relayed back; a channel that stopped relaying gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import type { StoredMessage } from '../emulators/slack/slack-emulator.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import type { SlackHarness } from './slack-harness.ts';
import { startRelayingWorkspaces, type RelayingWorkspaces } from './relaying-workspaces.ts';

describe.each(DATABASE_KINDS.slice(-1))('relaying between two Slack workspaces on %s', (kind) => {
  let database: Database;
  let h: SlackHarness;
  let jana: RelayingWorkspaces['jana'];
  let max: RelayingWorkspaces['max'];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ({ h, jana, max } = await startRelayingWorkspaces(database));
  }, 60_000);
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  /** The relayed copies the bot posted in a channel (posts under an author's name). */
  const copiesIn = (channelId: string): StoredMessage[] =>
    h.slack.messages(channelId).filter((m) => m.username !== undefined);

  /** A member writes; the outbox posts what the relay made of it; the bot's own echoes are answered. */
  async function writes(
    who: RelayingWorkspaces['jana'],
    text: string,
    extra: { threadTs?: string } = {},
  ): Promise<StoredMessage> {
    const written = await h.slack.members.writes({
      channel: who.channelId,
      user: who.userId,
      text,
      ...extra,
    });
    await h.drain();
    await h.slack.members.settled();
    return written;
  }

  it('shows a member’s message in the partner workspace under her name, town and picture', async () => {
    const before = copiesIn(max.channelId).length;
    const original = await writes(jana, 'Dobrý den, Pasove!');
    const copies = copiesIn(max.channelId).slice(before);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({
      text: 'Dobrý den, Pasove!',
      username: 'jana (Český Krumlov)',
      iconUrl: `https://avatars.slack-edge.test/${jana.userId}_192.png`,
    });
    // Nothing comes back to where it was written.
    expect(copiesIn(jana.channelId).filter((m) => Number(m.ts) > Number(original.ts))).toEqual([]);
  });

  it('converts the formatting, mentions and entities', async () => {
    const petra = h.slack.addUser({ teamId: 'T0001', name: 'petra' }).id;
    const before = copiesIn(max.channelId).length;
    await writes(
      jana,
      `*Program* _zítra_ ~ne dnes~ pro <@${petra}> &amp; všechny: <https://krumlov.eu/plan_2027|plán>`,
    );
    const [copy] = copiesIn(max.channelId).slice(before);
    // Slack marks on both sides; the round trip through the neutral markdown keeps them.
    expect(copy?.text).toBe(
      '*Program* _zítra_ ~ne dnes~ pro @petra &amp; všechny: <https://krumlov.eu/plan_2027|plán>',
    );
  });

  it('copies a shared file into the other workspace, right after the copy’s text', async () => {
    await h.slack.members.writes({
      channel: jana.channelId,
      user: jana.userId,
      text: 'Program tábora',
      files: [{ name: 'program.pdf', mimetype: 'application/pdf', data: '%PDF-program' }],
    });
    await h.drain();
    const copy = copiesIn(max.channelId).at(-1);
    expect(copy?.text).toBe('Program tábora');
    const [shared] = h.slack.messages(max.channelId).filter((m) => m.files && m.ts > (copy?.ts ?? ''));
    expect(shared?.files?.map((f) => f['name'])).toEqual(['program.pdf']);
    // Uploaded into Passau's workspace: Passau's token opens it, not only Krumlov's.
    const passau = h.slack.workspace(max.teamId).botToken;
    const url = String(shared?.files?.[0]?.['url_private_download']);
    const opened = await fetch(url, { headers: { Authorization: `Bearer ${passau}` } });
    expect(await opened.text()).toBe('%PDF-program');
  });

  it('puts a reply in the copy’s thread into the original’s thread', async () => {
    const root = await writes(jana, 'Kdo jede na slavnosti?');
    const rootCopy = copiesIn(max.channelId).at(-1);
    expect(rootCopy?.text).toBe('Kdo jede na slavnosti?');
    await writes(max, 'Wir kommen zu dritt.', { threadTs: rootCopy?.ts ?? '' });
    const reply = copiesIn(jana.channelId).at(-1);
    expect(reply).toMatchObject({
      text: 'Wir kommen zu dritt.',
      username: 'max (Passau)',
      threadTs: root.ts,
    });
  });

  it('carries an edit and a delete to the copy', async () => {
    const original = await writes(jana, 'Sraz v 10:00');
    const copy = copiesIn(max.channelId).at(-1);
    expect(copy?.text).toBe('Sraz v 10:00');
    await h.slack.members.edits(jana.channelId, original.ts, 'Sraz v *11:00*');
    await h.drain();
    await h.slack.members.settled();
    expect(h.slack.messages(max.channelId).find((m) => m.ts === copy?.ts)?.text).toBe('Sraz v *11:00*');
    await h.slack.members.deletes(jana.channelId, original.ts);
    await h.drain();
    await h.slack.members.settled();
    expect(h.slack.messages(max.channelId).find((m) => m.ts === copy?.ts)).toBeUndefined();
  });

  it('relays neither the bot’s own posts and edits nor another bot’s messages', async () => {
    const inKrumlov = h.slack.messages(jana.channelId).length;
    const inPassau = h.slack.messages(max.channelId).length;
    const original = await writes(jana, 'Jedna zpráva');
    await h.slack.members.edits(jana.channelId, original.ts, 'Jedna zpráva, upravená');
    await h.drain();
    await h.slack.members.settled();
    await h.drain();
    await h.slack.members.botWrites({
      channel: jana.channelId,
      botId: 'B0WEATHER',
      username: 'Počasí',
      text: 'Zítra prší',
    });
    await h.drain();
    // The copy's post and its edit came back to the app as message events; nothing more was posted.
    expect(h.slack.messages(jana.channelId)).toHaveLength(inKrumlov + 2);
    expect(h.slack.messages(max.channelId)).toHaveLength(inPassau + 1);
    expect(h.slack.members.unanswered).toEqual([]);
  });

  it('relays nothing into a channel that turned relaying off', async () => {
    await h.done('channel relay partnership:1 off', max, 'relay off');
    await h.drain();
    const inPassau = h.slack.messages(max.channelId).length;
    await writes(jana, 'Je tu někdo?');
    expect(h.slack.messages(max.channelId)).toHaveLength(inPassau);
    await h.done('channel relay partnership:1 on', max, 'relay on');
    await h.drain();
  });
});
