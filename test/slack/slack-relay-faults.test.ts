/**
 * The relay between two Slack workspaces when things go wrong, through the real Bolt app against
 * the emulator: Slack posts a copy but its answer is lost (one copy, in the channel and in a
 * thread, found by the delivery id in its metadata); a workspace that did not grant
 * chat:write.customize gets copies under the bot's name with the author's in the text, and the
 * bot says so once; an app whose manifest lacks the message events relays nothing and keeps
 * answering commands.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../src/adapters/slack/manifest.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { StoredMessage } from '../emulators/slack/slack-emulator.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { LostAnswerProxy } from './lost-answer-proxy.ts';
import { answerText, type SlackHarness } from './slack-harness.ts';
import {
  startRelayingWorkspaces,
  type RelayingOptions,
  type RelayingWorkspaces,
} from './relaying-workspaces.ts';

describe.each(DATABASE_KINDS.slice(-1))('the Slack relay under faults on %s', (kind) => {
  let database: Database | undefined;
  let proxy: LostAnswerProxy;
  let started: RelayingWorkspaces | undefined;

  beforeAll(async () => {
    proxy = await LostAnswerProxy.start();
  });
  afterEach(async () => {
    await started?.h.stop();
    await database?.close();
    started = undefined;
    database = undefined;
  });
  afterAll(async () => {
    await proxy.stop();
  });

  /** Each case on a database of its own. */
  async function start(options: RelayingOptions = {}): Promise<RelayingWorkspaces> {
    database = await createTestDatabase(kind);
    started = await startRelayingWorkspaces(database, options);
    return started;
  }

  const withText = (h: SlackHarness, channelId: string, text: string): StoredMessage[] =>
    h.slack.messages(channelId).filter((m) => m.text.endsWith(text));

  /** The outbox tries again an hour later, as its backoff would. */
  async function later(h: SlackHarness): Promise<void> {
    h.clock.set(new Date(h.clock.now().getTime() + 60 * 60 * 1000));
    await h.drain();
  }

  it('posts one copy when Slack’s answer to the post was lost, in the channel and in a thread', async () => {
    const { h, jana, max } = await start({ apiUrl: (slack) => proxy.attach(slack) });
    proxy.loseAnswers = 1;
    const root = await h.slack.members.writes({
      channel: jana.channelId,
      user: jana.userId,
      text: 'Ztracená odpověď',
    });
    await h.drain();
    expect(withText(h, max.channelId, 'Ztracená odpověď')).toHaveLength(1);
    await later(h);
    const [copy] = withText(h, max.channelId, 'Ztracená odpověď');
    expect(withText(h, max.channelId, 'Ztracená odpověď')).toHaveLength(1);

    // The reply's copy goes into the copy's thread; its lost answer is looked for among the replies.
    proxy.loseAnswers = 1;
    await h.slack.members.writes({
      channel: jana.channelId,
      user: jana.userId,
      text: 'Odpověď ve vlákně',
      threadTs: root.ts,
    });
    await h.drain();
    await later(h);
    const replies = withText(h, max.channelId, 'Odpověď ve vlákně');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.threadTs).toBe(copy?.ts);
    expect(h.slack.calls('conversations.replies').at(-1)?.args).toMatchObject({ ts: copy?.ts });
  }, 60_000);

  it('keeps a channel’s order while the first message’s author lookup hangs', async () => {
    const { h, jana, max } = await start();
    const eva = h.slack.addUser({ teamId: 'T0001', name: 'eva' }).id;
    const petra = h.slack.addUser({ teamId: 'T0001', name: 'petra' }).id;
    const held = h.slack.failNext('users.info', { type: 'hang', then: 'answer' });
    const first = h.slack.members.writes({ channel: jana.channelId, user: eva, text: 'První slovo' });
    await h.slack.waitFor(() => (held.holding > 0 ? true : undefined), 5000, 'the held users.info');
    // Petra's message must wait behind eva's, whose author is looked up until the lookup's bound.
    await h.slack.members.writes({ channel: jana.channelId, user: petra, text: 'Druhé slovo' });
    await first;
    held.clear();
    // One drain sends a channel's next relayed message only once the one before it is sent.
    while ((await h.drain()).sent > 0);
    const copies = h.slack.messages(max.channelId).slice(-2);
    expect(copies.map((m) => m.text)).toEqual(['První slovo', 'Druhé slovo']);
  }, 60_000);

  it('names the author in the text where Slack ignores custom names, and says so once', async () => {
    const passauScopes = SLACK_BOT_SCOPES.filter((scope) => scope !== 'chat:write.customize');
    const { h, jana, max } = await start({ passauScopes });
    for (const text of ['První', 'Druhá']) {
      await h.slack.members.writes({ channel: jana.channelId, user: jana.userId, text });
      await h.drain();
    }
    const copies = h.slack.messages(max.channelId).slice(-2);
    expect(copies.map((m) => [m.text, m.username])).toEqual([
      ['*jana (Český Krumlov):*\nPrvní', undefined],
      ['*jana (Český Krumlov):*\nDruhá', undefined],
    ]);
    const warnings = h.logLines.filter((line) => line.includes('without the chat:write.customize scope'));
    expect(warnings).toHaveLength(1);
  }, 60_000);

  it('links a file in a workspace that has not granted files:write, and says so once', async () => {
    const passauScopes = SLACK_BOT_SCOPES.filter((scope) => scope !== 'files:write');
    const { h, jana, max } = await start({ passauScopes });
    const written = await h.slack.members.writes({
      channel: jana.channelId,
      user: jana.userId,
      text: 'Program',
      files: [{ name: 'program.pdf', mimetype: 'application/pdf', data: '%PDF' }],
    });
    await h.drain();
    const permalink = String(written.files?.[0]?.['permalink']);
    expect(h.slack.messages(max.channelId).at(-1)?.text).toBe(`Program\n📎 <${permalink}|program.pdf>`);
    expect(h.slack.calls('files.getUploadURLExternal')).toEqual([]);
    const warnings = h.logLines.filter((line) => line.includes('without the files:write scope'));
    expect(warnings).toHaveLength(1);
  }, 60_000);

  it('posts the copy without its file when the workspace refuses uploads, and logs it', async () => {
    const { h, jana, max } = await start({});
    h.slack.failNext('files.getUploadURLExternal', { type: 'error', error: 'file_uploads_disabled' });
    await h.slack.members.writes({
      channel: jana.channelId,
      user: jana.userId,
      text: 'Program',
      files: [{ name: 'program.pdf', mimetype: 'application/pdf', data: '%PDF' }],
    });
    await h.drain();
    expect(h.slack.messages(max.channelId).at(-1)?.text).toBe('Program');
    const delivery = await database?.prisma.delivery.findFirst({
      where: { kind: 'relay.message' },
      orderBy: { sequence: 'desc' },
    });
    expect(delivery?.status).toBe('SENT');
    const refused = h.logLines.filter((line) => line.includes('Slack refused a relayed file'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('file_uploads_disabled');
  }, 60_000);

  it('says once, at the first command there, that a workspace without a history scope cannot relay', async () => {
    const passauScopes = SLACK_BOT_SCOPES.filter((scope) => scope !== 'channels:history');
    const { h, jana, max } = await start({ passauScopes });
    const warnings = h.logLines.filter((line) => line.includes('without the channels:history scope'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('T0002');

    // The coordinator turning relaying on there is told too, in words, with the missing scope.
    const inPassau = answerText(await h.command('channel relay partnership:1 on', max));
    expect(inPassau.split('\n').at(-1)).toBe(
      'Kopien aus den Partnerkanälen erscheinen hier, aber was Mitglieder hier schreiben, wird noch nicht weitergeleitet: Wer den Bot betreibt, muss die App mit den Berechtigungen channels:history (und den Ereignissen message.channels und message.groups) neu installieren.',
    );
    const inKrumlov = answerText(await h.command('channel relay partnership:1 on', jana));
    expect(inKrumlov.split('\n')).toHaveLength(1);
  }, 60_000);

  it('relays nothing while the app is not subscribed to message events, and still answers commands', async () => {
    const { h, jana, max } = await start({ events: [] });
    const inPassau = h.slack.messages(max.channelId).length;
    await h.slack.members.writes({ channel: jana.channelId, user: jana.userId, text: 'Nikdo to neuvidí' });
    await h.drain();
    expect(h.slack.messages(max.channelId)).toHaveLength(inPassau);
    expect(answerText(await h.command('channel relay partnership:1 on', max))).not.toBe('');
  }, 60_000);
});
