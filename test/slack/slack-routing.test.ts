/**
 * The Slack router through a fake connection (the real Bolt App with a fake receiver, Web API and
 * response_url on a recording fetch) and a fake InboundPort: no database, no socket, milliseconds.
 * The emulator suites (slack-interactions, slack-scenario …) check the same paths end to end.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import { createSlackAdapter, SlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';
import type {
  SlackEventLedger,
  SlackInstallationStore,
  SlackPostLedger,
} from '../../src/adapters/slack/slack-ports.ts';

import type { CommandRequest, Reply } from '../../src/core/commands/invocation.ts';
import type { Logger } from '../../src/core/ports.ts';
import { exchangeCardText, type ExchangeCard } from '../../src/core/views/exchange-card.ts';
import { FakeSlackConnection } from './fake-slack-connection.ts';
import { FakeInboundPort } from '../support/fake-inbound-port.ts';
import {
  appMention,
  buttonClick,
  CHANNEL,
  eventCallback,
  JANA,
  slashCommand,
  TEAM,
  viewSubmission,
} from './slack-payloads.ts';
import { ManualTimer } from '../support/manual-timer.ts';

class MemoryEventLedger implements SlackEventLedger {
  private readonly seen = new Set<string>();
  firstDelivery(eventId: string): Promise<boolean> {
    const first = !this.seen.has(eventId);
    this.seen.add(eventId);
    return Promise.resolve(first);
  }
}

/** One workspace by bot token: no installations. */
const unusedInstallations: SlackInstallationStore = {
  storeInstallation: () => Promise.reject(new Error('not used')),
  fetchInstallation: () => Promise.reject(new Error('not used')),
  find: () => Promise.reject(new Error('not used')),
  deleteInstallation: () => Promise.reject(new Error('not used')),
  count: () => Promise.reject(new Error('not used')),
};

/** Routing never posts for the outbox. */
const unusedPosts: SlackPostLedger = {
  find: () => Promise.reject(new Error('not used')),
  begin: () => Promise.reject(new Error('not used')),
  posted: () => Promise.reject(new Error('not used')),
  notPosted: () => Promise.reject(new Error('not used')),
  filesUploaded: () => Promise.reject(new Error('not used')),
  filesAfter: () => Promise.reject(new Error('not used')),
};

function recordingLogger(lines: string[]): Logger {
  const line = (message: string) => void lines.push(message);
  return {
    debug: (_d, m) => line(m),
    info: (_d, m) => line(m),
    warn: (_d, m) => line(m),
    error: (_d, m) => line(m),
  };
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const card = (title: string): ExchangeCard => ({
  number: 12,
  title,
  description: '',
  status: 'PLANNED',
  startsAt: new Date('2027-07-06T08:00:00Z'),
  endsAt: new Date('2027-07-10T14:00:00Z'),
  timeZone: 'Europe/Prague',
  whenText: 'Tue 6 Jul 2027, 10:00 – Sat 10 Jul 2027, 16:00 CEST',
  fields: [{ label: 'Places', value: '2 of 3 taken' }],
  rsvpButtons: { going: 'Going', maybe: 'Maybe', no: 'Not going' },
});

let connection: FakeSlackConnection;
let inbound: FakeInboundPort;
let timer: ManualTimer;
let now: Date;
let logLines: string[];

beforeEach(async () => {
  logLines = [];
  const logger = recordingLogger(logLines);
  connection = new FakeSlackConnection(logger);
  inbound = new FakeInboundPort();
  timer = new ManualTimer();
  now = new Date('2026-11-23T10:00:00Z');
  const adapter = new SlackAdapter(
    {
      connection,
      inbound,
      events: new MemoryEventLedger(),
      posts: unusedPosts,
      logger,
      clock: { now: () => now },
      command: '/twin',
    },
    { timer },
  );
  await adapter.start();
  connection.api.person(JANA.id, { name: JANA.name, displayName: 'Jana', locale: 'cs-CZ' });
});

const responses = () => connection.api.responsePosts.map((post) => post.body);
const textOf = (request: CommandRequest | undefined) =>
  request && 'text' in request ? request.text : undefined;

describe('SLACK_ALLOWED_TEAMS', () => {
  const adapterServing = async (allowedTeams: string[]) => {
    const listed = new FakeSlackConnection(recordingLogger([]));
    const adapter = new SlackAdapter(
      {
        connection: listed,
        inbound,
        events: new MemoryEventLedger(),
        posts: unusedPosts,
        logger: recordingLogger([]),
        clock: { now: () => now },
        command: '/twin',
      },
      { timer, allowedTeams },
    );
    await adapter.start();
    return listed;
  };

  it('refuses a command from a workspace not on the list at once, without asking the core', async () => {
    const listed = await adapterServing(['T0OTHER']);
    const dispatch = listed.receiver.dispatch(slashCommand('town info'));
    await dispatch.handled;
    expect(dispatch.outcome).toEqual({
      acknowledged: true,
      response:
        'Twinbridge is not enabled for this server or workspace. Ask the operator of this bot to allow it.',
    });
    expect(inbound.commands).toEqual([]);
  });

  it('serves a workspace on the list', async () => {
    const listed = await adapterServing([TEAM.id]);
    await listed.receiver.send(slashCommand('town info'));
    expect(inbound.commands).toHaveLength(1);
  });
});

describe('slash commands', () => {
  it('acknowledge at once, then run the decoded text as the person, in the channel', async () => {
    let acknowledgedFirst: boolean | undefined;
    const dispatch = connection.receiver.dispatch(
      slashCommand('event create title:&quot;x&quot; &lt;b&gt; in <#C0OTHER|nachbarn> &amp; more'),
    );
    inbound.respond = () => {
      acknowledgedFirst = dispatch.outcome.acknowledged;
      return { text: 'done', private: false };
    };
    await dispatch.handled;
    expect(dispatch.outcome).toEqual({ acknowledged: true, response: undefined });
    expect(acknowledgedFirst).toBe(true);
    expect(inbound.commands).toHaveLength(1);
    expect(inbound.commands[0]).toEqual({
      text: 'event create title:&quot;x&quot; <b> in #nachbarn & more',
      actor: {
        platform: 'SLACK',
        communityExternalId: TEAM.id,
        communityName: TEAM.domain,
        userId: JANA.id,
        displayName: 'Jana',
        communityAdmin: false,
      },
      channel: { id: CHANNEL.id, name: CHANNEL.name },
      locale: 'cs-CZ',
      // Usage and help are written with the command as configured.
      slashCommand: '/twin',
    });
  });

  it('answer in the channel when public, only to the person when private or refused', async () => {
    const answers: Reply[] = [
      { text: 'Town registered.', private: false },
      { text: 'Your invite code: ABCDE-12345', private: true },
      { text: 'Only coordinators may do that.', private: false, error: { key: 'auth.coordinator-only' } },
    ];
    for (const answer of answers) {
      inbound.respond = () => answer;
      await connection.receiver.send(slashCommand('whatever'));
    }
    expect(responses().map((body) => [body['response_type'], body['text']])).toEqual([
      ['in_channel', 'Town registered.'],
      ['ephemeral', 'Your invite code: ABCDE-12345'],
      ['ephemeral', 'Only coordinators may do that.'],
    ]);
    expect(responses().every((body) => body['replace_original'] === false)).toBe(true);
  });

  it('confirm a coordinator’s command to them alone, also when the core answers for the channel', async () => {
    inbound.respond = () => ({ text: 'Event #3 is cancelled; 2 channels were told.', private: false });
    await connection.receiver.send(slashCommand('event cancel event:3'));
    await connection.receiver.send(
      slashCommand('town register name:X country:CZ timezone:Europe/Prague language:cs'),
    );
    expect(responses().map((body) => body['response_type'])).toEqual(['ephemeral', 'in_channel']);
  });

  it('show an unexpected failure as the apology with its reference, only to the person', async () => {
    inbound.respond = () => ({
      text: 'Something went wrong (ref 7f3a9c). Please try again later.',
      private: false,
      error: { key: 'internal', ref: '7f3a9c' },
    });
    await connection.receiver.send(slashCommand('town info'));
    expect(responses()).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Something went wrong (ref 7f3a9c). Please try again later.',
      },
    ]);
  });

  it('send a long answer whole in one message, escaped, columns in a code block', async () => {
    const lines = Array.from(
      { length: 120 },
      (_, i) => `event info event:${i}    shows <one> exchange & its answers`,
    );
    inbound.respond = () => ({ text: `Commands:\n${lines.join('\n')}`, private: true });
    await connection.receiver.send(slashCommand('help'));
    expect(responses()).toHaveLength(1);
    const text = String(responses()[0]?.['text']);
    expect(text.length).toBeGreaterThan(5000);
    expect(
      text.startsWith('Commands:\n```event info event:0    shows &lt;one&gt; exchange &amp; its answers\n'),
    ).toBe(true);
    expect(text.endsWith('event info event:119    shows &lt;one&gt; exchange &amp; its answers```')).toBe(
      true,
    );
  });

  it('wait for the Slack profile only briefly: a slow users.info falls back to the payload name', async () => {
    const lookup = connection.api.hold('users.info');
    const dispatch = connection.receiver.dispatch(slashCommand('town info'));
    await lookup.called;
    timer.fire();
    await dispatch.handled;
    lookup.release();
    expect(inbound.commands[0]?.actor.displayName).toBe(JANA.name);
    expect(inbound.commands[0]?.locale).toBeUndefined();
  });

  it('reuse a Slack profile for five minutes of the clock, then ask Slack again', async () => {
    await connection.receiver.send(slashCommand('town info'));
    now = new Date(now.getTime() + 4 * 60 * 1000);
    await connection.receiver.send(slashCommand('town info'));
    expect(connection.api.argsOf('users.info')).toHaveLength(1);
    now = new Date(now.getTime() + 2 * 60 * 1000);
    connection.api.person(JANA.id, { name: JANA.name, displayName: 'Jana N.', locale: 'de-DE' });
    await connection.receiver.send(slashCommand('town info'));
    expect(connection.api.argsOf('users.info')).toHaveLength(2);
    expect(inbound.commands.map((c) => [c.actor.displayName, c.locale])).toEqual([
      ['Jana', 'cs-CZ'],
      ['Jana', 'cs-CZ'],
      ['Jana N.', 'de-DE'],
    ]);
  });

  const adminCommands = commandList.filter((d) => d.communityAdmin === true);

  it.each(adminCommands.map((d) => [d.path.join(' ')] as const))(
    '/twin %s tells the core the person administers the workspace only as admin, owner or installer',
    async (words) => {
      const people = [
        ['U0PLAIN', {}, false],
        ['U0ADMIN', { admin: true }, true],
        ['U0OWNER', { owner: true }, true],
        ['U0INSTALLER', {}, true],
      ] as const;
      connection.workspaces.installers.set(TEAM.id, 'U0INSTALLER');
      for (const [id, rights] of people) {
        connection.api.person(id, { name: id.toLowerCase(), ...rights });
        await connection.receiver.send(slashCommand(words, { user_id: id, user_name: id }));
      }
      expect(inbound.commands.map((c) => [c.actor.userId, c.actor.communityAdmin])).toEqual(
        people.map(([id, , admin]) => [id, admin]),
      );
    },
  );

  it('tell the core when the bot is not in a channel a command would link, with the fix', async () => {
    connection.api.channelsWithoutBot.add(CHANNEL.id);
    await connection.receiver.send(slashCommand('channel link partnership:1'));
    await connection.receiver.send(slashCommand('partner join code:ABCDE-12345'));
    connection.api.failNext('conversations.info', 'channel_not_found');
    await connection.receiver.send(slashCommand('channel link partnership:1'));
    const blocked = {
      id: CHANNEL.id,
      name: CHANNEL.name,
      postingBlocked: 'the bot is not a member',
      postingFix: '/invite @Twinbridge',
    };
    expect(inbound.commands.map((c) => c.channel)).toEqual([blocked, blocked, blocked]);
    // Other commands do not ask; a channel the bot is in, or a failed lookup, blocks nothing.
    await connection.receiver.send(slashCommand('town info'));
    connection.api.channelsWithoutBot.clear();
    await connection.receiver.send(slashCommand('channel link partnership:1'));
    connection.api.failNext('conversations.info', 'missing_scope');
    await connection.receiver.send(slashCommand('partner join code:ABCDE-12345'));
    expect(inbound.commands.slice(3).map((c) => c.channel)).toEqual([
      { id: CHANNEL.id, name: CHANNEL.name },
      { id: CHANNEL.id, name: CHANNEL.name },
      { id: CHANNEL.id, name: CHANNEL.name },
    ]);
    expect(connection.api.argsOf('conversations.info')).toHaveLength(5);
  });

  it('takes an admin right away within five minutes of Slack doing so', async () => {
    connection.api.person(JANA.id, { name: JANA.name, admin: true });
    await connection.receiver.send(slashCommand('town register'));
    connection.api.person(JANA.id, { name: JANA.name, admin: false });
    now = new Date(now.getTime() + 5 * 60 * 1000 + 1);
    await connection.receiver.send(slashCommand('town register'));
    expect(inbound.commands.map((c) => c.actor.communityAdmin)).toEqual([true, false]);
  });

  it('counts nobody as admin when users.info fails', async () => {
    connection.api.failNext('users.info', 'missing_scope');
    await connection.receiver.send(slashCommand('town register'));
    expect(inbound.commands[0]?.actor.communityAdmin).toBe(false);
  });
});

describe('app mentions', () => {
  it('run the text after the mention and answer in the thread, or privately', async () => {
    inbound.respond = () => ({ text: 'Krumlov – Passau: 2 towns', private: false });
    expect(await connection.receiver.send(appMention('Ev1', '<@U0BOT> partner list'))).toEqual({
      acknowledged: true,
      response: undefined,
    });
    inbound.respond = () => ({ text: 'Your profile: cs', private: true });
    await connection.receiver.send(
      appMention('Ev2', '<@U0BOT>: profile show', { thread_ts: '1699999999.000001' }),
    );
    expect(inbound.commands.map(textOf)).toEqual(['partner list', 'profile show']);
    expect(connection.api.argsOf('chat.postMessage')).toMatchObject([
      { channel: CHANNEL.id, text: 'Krumlov – Passau: 2 towns', thread_ts: '1700000004.000300' },
    ]);
    expect(connection.api.argsOf('chat.postEphemeral')).toMatchObject([
      { channel: CHANNEL.id, user: JANA.id, text: 'Your profile: cs' },
    ]);
  });

  it('are handled once when Slack delivers the same event again', async () => {
    await connection.receiver.send(appMention('Ev7', '<@U0BOT> town info'));
    const again = await connection.receiver.send(appMention('Ev7', '<@U0BOT> town info'));
    expect(again.acknowledged).toBe(true);
    expect(inbound.commands).toHaveLength(1);
    expect(logLines).toContain('Slack re-delivered an event already handled; skipped');
  });
});

describe('workspaces leaving', () => {
  it('forget the workspace when the app is uninstalled or its bot token revoked, not for user tokens', async () => {
    await connection.receiver.send(eventCallback('Ev10', { type: 'app_uninstalled', event_ts: '1' }));
    await connection.receiver.send(
      eventCallback('Ev11', { type: 'tokens_revoked', tokens: { oauth: ['U0JANA'] }, event_ts: '2' }),
    );
    expect(connection.workspaces.uninstalls).toEqual([{ teamId: TEAM.id, enterpriseId: undefined }]);
    await connection.receiver.send(
      eventCallback('Ev12', { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] }, event_ts: '3' }),
    );
    expect(connection.workspaces.uninstalls).toHaveLength(2);
  });
});

describe('RSVP buttons', () => {
  const headlineBlock = {
    type: 'section',
    block_id: 'twin_headline',
    text: { type: 'mrkdwn', text: 'New exchange hosted by Český Krumlov' },
  };
  const answered = (title: string): Reply => ({
    text: `You are going.\n${exchangeCardText(card(title))}`,
    private: true,
    exchange: card(title),
  });

  it('run rsvp, tell the clicker privately and redraw the card as the channel sees it', async () => {
    inbound.respond = () => answered('Youth camp');
    inbound.card = card('Letní tábor');
    const ack = await connection.receiver.send(
      buttonClick({
        actionId: 'twin_rsvp:going:12',
        messageTs: '1700000000.000777',
        blocks: [headlineBlock],
      }),
    );
    expect(ack).toEqual({ acknowledged: true, response: undefined });
    expect(inbound.commands).toEqual([
      expect.objectContaining({
        command: 'rsvp',
        options: { event: 12, answer: 'going' },
        channel: { id: CHANNEL.id, name: CHANNEL.name },
      }),
    ]);
    expect(responses()).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: 'You are going.' },
    ]);
    expect(inbound.cardRequests).toEqual([
      { channel: { id: CHANNEL.id, name: CHANNEL.name }, exchangeNumber: 12 },
    ]);
    const [update] = connection.api.argsOf('chat.update');
    expect(update).toMatchObject({
      channel: CHANNEL.id,
      ts: '1700000000.000777',
      text: 'New exchange hosted by Český Krumlov\n#12 Letní tábor',
    });
    expect(JSON.stringify(update?.['blocks'])).toContain('"block_id":"twin_headline"');
    expect(JSON.stringify(update?.['blocks'])).toContain('"text":"#12 Letní tábor"');
  });

  it('replace a card only the clicker sees with their updated one', async () => {
    inbound.respond = () => answered('Youth camp');
    await connection.receiver.send(buttonClick({ actionId: 'twin_rsvp:maybe:12', ephemeral: true }));
    expect(inbound.commands[0]).toMatchObject({ options: { event: 12, answer: 'maybe' } });
    expect(responses()).toHaveLength(1);
    expect(responses()[0]).toMatchObject({ replace_original: true });
    expect(JSON.stringify(responses()[0]?.['blocks'])).toContain('"action_id":"twin_rsvp:going:12"');
    expect(connection.api.argsOf('chat.update')).toEqual([]);
  });

  it('show a refusal only to the clicker and redraw the card as the channel shows it (a cancelled one loses its buttons)', async () => {
    inbound.card = card('Letní tábor');
    inbound.respond = () => ({
      text: `Answers are closed: the exchange is over.\n${exchangeCardText(card('Youth camp'))}`,
      private: false,
      exchange: card('Youth camp'),
      error: { key: 'rsvp.closed' },
    });
    await connection.receiver.send(buttonClick({ actionId: 'twin_rsvp:no:12' }));
    expect(responses()).toHaveLength(1);
    expect(responses()[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(responses()[0]?.['text'])).toMatch(
      /^Answers are closed: the exchange is over\.\n#12 Youth camp/,
    );
    const [update] = connection.api.argsOf('chat.update');
    expect(update).toMatchObject({ channel: CHANNEL.id, ts: '1700000000.000100' });
    expect(JSON.stringify(update?.['blocks'])).toContain('"text":"#12 Letní tábor"');
  });

  it('leave the card alone when a refused click has no card for the channel', async () => {
    inbound.respond = () => ({
      text: 'Event #12 was not found.',
      private: true,
      error: { key: 'event.not-found' },
    });
    await connection.receiver.send(buttonClick({ actionId: 'twin_rsvp:no:12' }));
    expect(responses()).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: 'Event #12 was not found.' },
    ]);
    expect(inbound.cardRequests).toHaveLength(1);
    expect(connection.api.argsOf('chat.update')).toEqual([]);
  });

  it('ignore components that are not ours: nothing runs, nothing is acknowledged', async () => {
    const other = await connection.receiver.send(buttonClick({ actionId: 'someone_elses_button' }));
    const malformed = await connection.receiver.send(buttonClick({ actionId: 'twin_rsvp:going:twelve' }));
    expect([other.acknowledged, malformed.acknowledged]).toEqual([false, false]);
    expect(inbound.commands).toEqual([]);
    expect(responses()).toEqual([]);
  });
});

describe('the form (event create)', () => {
  async function openForm(): Promise<string> {
    await connection.receiver.send(slashCommand('event create'));
    const [opened] = connection.api.argsOf('views.open');
    return String((opened?.['view'] as { private_metadata?: unknown }).private_metadata);
  }

  const filledIn = {
    partnership: { value: { type: 'static_select', selected_option: { value: '1' } } },
    title: { value: { type: 'plain_text_input', value: 'Youth camp' } },
    kind: { value: { type: 'static_select', selected_option: { value: 'youth-exchange' } } },
    start: { value: { type: 'plain_text_input', value: 'tomorrow 18:00' } },
    end: { value: { type: 'plain_text_input', value: null } },
  };

  it('opens instead of running, in the reader language, with their partnerships to pick', async () => {
    inbound.language = 'cs';
    inbound.suggestions = (source) =>
      source === 'partnership' ? [{ value: 1, label: '#1 Krumlov – Passau' }] : [];
    await connection.receiver.send(slashCommand('event create'));
    expect(inbound.commands).toEqual([]);
    expect(inbound.suggestRequests).toMatchObject([{ source: 'partnership', typed: '' }]);
    const [opened] = connection.api.argsOf('views.open');
    expect(opened?.['trigger_id']).toBe('1337.42.trigger');
    const view = opened?.['view'] as Record<string, unknown>;
    expect(view['callback_id']).toBe('twin_command_modal');
    expect(view['title']).toMatchObject({ text: 'Nová akce' });
    expect(JSON.parse(String(view['private_metadata']))).toEqual({
      command: 'event.create',
      channelId: CHANNEL.id,
      channelName: CHANNEL.name,
    });
    expect(JSON.stringify(view['blocks'])).toContain('"text":"#1 Krumlov – Passau"');
  });

  it('runs its command with the filled-in fields, closes, and confirms it to the coordinator alone', async () => {
    const metadata = await openForm();
    inbound.respond = () => ({ text: 'Exchange #12 created.', private: false });
    const ack = await connection.receiver.send(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    expect(ack).toEqual({ acknowledged: true, response: undefined });
    expect(inbound.commands).toEqual([
      expect.objectContaining({
        command: 'event.create',
        options: { partnership: '1', title: 'Youth camp', kind: 'youth-exchange', start: 'tomorrow 18:00' },
        channel: { id: CHANNEL.id, name: CHANNEL.name },
      }),
    ]);
    // A coordinator's command: the channel gets the card from the outbox, not the confirmation.
    expect(connection.api.argsOf('chat.postEphemeral')).toMatchObject([
      { channel: CHANNEL.id, user: JANA.id, text: 'Exchange #12 created.' },
    ]);
    expect(connection.api.argsOf('chat.postMessage')).toEqual([]);
  });

  it('shows a refusal about a field on that field, in the acknowledgement', async () => {
    const metadata = await openForm();
    inbound.respond = () => ({
      text: 'The start 2020-01-01 10:00 lies in the past.\nevent create partnership:<number> …',
      private: true,
      error: { key: 'event.start-in-past' },
    });
    const past = await connection.receiver.send(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    inbound.respond = () => ({
      text: 'A title has at most 100 characters.',
      private: true,
      error: { key: 'validation', option: 'title' },
    });
    const long = await connection.receiver.send(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    expect([past.response, long.response]).toEqual([
      { response_action: 'errors', errors: { start: 'The start 2020-01-01 10:00 lies in the past.' } },
      { response_action: 'errors', errors: { title: 'A title has at most 100 characters.' } },
    ]);
    expect(connection.api.argsOf('chat.postMessage')).toMatchObject([]);
  });

  it('replaces itself with the reason when the refusal is not about a field', async () => {
    const metadata = await openForm();
    inbound.respond = () => ({
      text: 'Only coordinators may do that.',
      private: true,
      error: { key: 'auth.coordinator-only' },
    });
    const ack = await connection.receiver.send(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    expect(ack.response).toMatchObject({ response_action: 'update' });
    const view = (ack.response as { view: Record<string, unknown> }).view;
    expect(JSON.stringify(view['blocks'])).toContain('"text":"Only coordinators may do that."');
  });

  it('closes at the deadline when the command is slow, and answers once it is done', async () => {
    const metadata = await openForm();
    const reply = deferred<Reply>();
    const started = deferred<undefined>();
    inbound.respond = () => {
      started.resolve(undefined);
      return reply.promise;
    };
    const dispatch = connection.receiver.dispatch(
      viewSubmission({ privateMetadata: metadata, values: filledIn }),
    );
    await started.promise;
    timer.fire();
    expect(await dispatch.acknowledged).toBeUndefined();
    expect(connection.api.argsOf('chat.postEphemeral')).toEqual([]);
    reply.resolve({ text: 'Exchange #12 created.', private: false });
    await dispatch.handled;
    expect(connection.api.argsOf('chat.postEphemeral')).toMatchObject([
      { channel: CHANNEL.id, user: JANA.id, text: 'Exchange #12 created.' },
    ]);
  });

  it('sends the answer as a direct message when the bot cannot post in that channel', async () => {
    const metadata = await openForm();
    inbound.respond = () => ({ text: 'Exchange #12 created.', private: false });
    connection.api.failNext('chat.postEphemeral', 'not_in_channel');
    await connection.receiver.send(viewSubmission({ privateMetadata: metadata, values: filledIn }));
    expect(connection.api.argsOf('chat.postEphemeral')).toMatchObject([{ channel: CHANNEL.id }]);
    expect(connection.api.argsOf('chat.postMessage')).toMatchObject([
      { channel: JANA.id, text: 'Exchange #12 created.' },
    ]);
  });

  it('closes without running anything when the form is not one of ours', async () => {
    const forged = JSON.stringify({
      command: 'town.delete-everything',
      channelId: CHANNEL.id,
      channelName: 'x',
    });
    const unknown = await connection.receiver.send(viewSubmission({ privateMetadata: forged, values: {} }));
    const garbled = await connection.receiver.send(
      viewSubmission({ privateMetadata: 'not json', values: {} }),
    );
    expect([unknown, garbled]).toEqual([
      { acknowledged: true, response: undefined },
      { acknowledged: true, response: undefined },
    ]);
    expect(inbound.commands).toEqual([]);
  });
});

describe('the poster before the connection started', () => {
  it('answers "not connected" as retryable, not as a broken channel', async () => {
    const adapter = createSlackAdapter(
      {
        mode: 'http',
        botToken: 'xoxb-not-started',
        oauth: undefined,
        signingSecret: 'secret',
        appToken: undefined,
        apiUrl: 'http://127.0.0.1:9/api/',
        port: 0,
        host: '127.0.0.1',
        command: '/twin',
      },
      inbound,
      {
        installations: unusedInstallations,
        events: new MemoryEventLedger(),
        posts: unusedPosts,
      },
      recordingLogger([]),
      { clock: { now: () => now } },
    );
    const target = {
      platform: 'SLACK' as const,
      communityExternalId: TEAM.id,
      channelId: CHANNEL.id,
      channelName: CHANNEL.name,
    };
    expect(await adapter.poster.post(target, { text: 'Early' }, 'delivery-early')).toEqual({
      ok: false,
      retryable: true,
      reason: 'Slack is not connected yet',
    });
  });
});
