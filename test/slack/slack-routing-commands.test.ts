// Slack adapter routing, commands: the workspace allow-list, slash commands (the person, answers, profiles, admins, channels the bot is not in), app mentions.
import { describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';

import type { Reply } from '../../src/core/commands/invocation.ts';
import { FakeSlackConnection } from './fake-slack-connection.ts';
import { appMention, CHANNEL, JANA, slashCommand, TEAM } from './slack-payloads.ts';
import {
  MemoryEventLedger,
  recordingLogger,
  textOf,
  unusedPosts,
  useRouting,
} from './slack-routing-fixture.ts';

const routing = useRouting();

describe('SLACK_ALLOWED_TEAMS', () => {
  const adapterServing = async (allowedTeams: string[]) => {
    const listed = new FakeSlackConnection(recordingLogger([]));
    const adapter = new SlackAdapter(
      {
        connection: listed,
        inbound: routing.inbound,
        events: new MemoryEventLedger(),
        posts: unusedPosts,
        logger: recordingLogger([]),
        clock: { now: () => routing.now },
        command: '/twin',
      },
      { timer: routing.timer, allowedTeams },
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
    expect(routing.inbound.commands).toEqual([]);
  });

  it('serves a workspace on the list', async () => {
    const listed = await adapterServing([TEAM.id]);
    await listed.receiver.send(slashCommand('town info'));
    expect(routing.inbound.commands).toHaveLength(1);
  });
});

describe('slash commands', () => {
  it('acknowledge at once, then run the decoded text as the person, in the channel', async () => {
    let acknowledgedFirst: boolean | undefined;
    const dispatch = routing.connection.receiver.dispatch(
      slashCommand('event create title:&quot;x&quot; &lt;b&gt; in <#C0OTHER|nachbarn> &amp; more'),
    );
    routing.inbound.respond = () => {
      acknowledgedFirst = dispatch.outcome.acknowledged;
      return { text: 'done', private: false };
    };
    await dispatch.handled;
    expect(dispatch.outcome).toEqual({ acknowledged: true, response: undefined });
    expect(acknowledgedFirst).toBe(true);
    expect(routing.inbound.commands).toHaveLength(1);
    expect(routing.inbound.commands[0]).toEqual({
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
      routing.inbound.respond = () => answer;
      await routing.connection.receiver.send(slashCommand('whatever'));
    }
    expect(routing.responses().map((body) => [body['response_type'], body['text']])).toEqual([
      ['in_channel', 'Town registered.'],
      ['ephemeral', 'Your invite code: ABCDE-12345'],
      ['ephemeral', 'Only coordinators may do that.'],
    ]);
    expect(routing.responses().every((body) => body['replace_original'] === false)).toBe(true);
  });

  it('confirm a coordinator’s command to them alone, also when the core answers for the channel', async () => {
    routing.inbound.respond = () => ({
      text: 'Event #3 is cancelled; 2 channels were told.',
      private: false,
    });
    await routing.connection.receiver.send(slashCommand('event cancel event:3'));
    await routing.connection.receiver.send(
      slashCommand('town register name:X country:CZ timezone:Europe/Prague language:cs'),
    );
    expect(routing.responses().map((body) => body['response_type'])).toEqual(['ephemeral', 'in_channel']);
  });

  it('show an unexpected failure as the apology with its reference, only to the person', async () => {
    routing.inbound.respond = () => ({
      text: 'Something went wrong (ref 7f3a9c). Please try again later.',
      private: false,
      error: { key: 'internal', ref: '7f3a9c' },
    });
    await routing.connection.receiver.send(slashCommand('town info'));
    expect(routing.responses()).toEqual([
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
    routing.inbound.respond = () => ({ text: `Commands:\n${lines.join('\n')}`, private: true });
    await routing.connection.receiver.send(slashCommand('help'));
    expect(routing.responses()).toHaveLength(1);
    const text = String(routing.responses()[0]?.['text']);
    expect(text.length).toBeGreaterThan(5000);
    expect(
      text.startsWith('Commands:\n```event info event:0    shows &lt;one&gt; exchange &amp; its answers\n'),
    ).toBe(true);
    expect(text.endsWith('event info event:119    shows &lt;one&gt; exchange &amp; its answers```')).toBe(
      true,
    );
  });

  it('wait for the Slack profile only briefly: a slow users.info falls back to the payload name', async () => {
    const lookup = routing.connection.api.hold('users.info');
    const dispatch = routing.connection.receiver.dispatch(slashCommand('town info'));
    await lookup.called;
    routing.timer.fire();
    await dispatch.handled;
    lookup.release();
    expect(routing.inbound.commands[0]?.actor.displayName).toBe(JANA.name);
    expect(routing.inbound.commands[0]?.locale).toBeUndefined();
  });

  it('reuse a Slack profile for five minutes of the clock, then ask Slack again', async () => {
    await routing.connection.receiver.send(slashCommand('town info'));
    routing.now = new Date(routing.now.getTime() + 4 * 60 * 1000);
    await routing.connection.receiver.send(slashCommand('town info'));
    expect(routing.connection.api.argsOf('users.info')).toHaveLength(1);
    routing.now = new Date(routing.now.getTime() + 2 * 60 * 1000);
    routing.connection.api.person(JANA.id, { name: JANA.name, displayName: 'Jana N.', locale: 'de-DE' });
    await routing.connection.receiver.send(slashCommand('town info'));
    expect(routing.connection.api.argsOf('users.info')).toHaveLength(2);
    expect(routing.inbound.commands.map((c) => [c.actor.displayName, c.locale])).toEqual([
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
      routing.connection.workspaces.installers.set(TEAM.id, 'U0INSTALLER');
      for (const [id, rights] of people) {
        routing.connection.api.person(id, { name: id.toLowerCase(), ...rights });
        await routing.connection.receiver.send(slashCommand(words, { user_id: id, user_name: id }));
      }
      expect(routing.inbound.commands.map((c) => [c.actor.userId, c.actor.communityAdmin])).toEqual(
        people.map(([id, , admin]) => [id, admin]),
      );
    },
  );

  it('tell the core when the bot is not in a channel a command would link, with the fix', async () => {
    routing.connection.api.channelsWithoutBot.add(CHANNEL.id);
    await routing.connection.receiver.send(slashCommand('channel link partnership:1'));
    await routing.connection.receiver.send(slashCommand('partner join code:ABCDE-12345'));
    routing.connection.api.failNext('conversations.info', 'channel_not_found');
    await routing.connection.receiver.send(slashCommand('channel link partnership:1'));
    const blocked = {
      id: CHANNEL.id,
      name: CHANNEL.name,
      postingBlocked: 'the bot is not a member',
      postingFix: '/invite @Twinbridge',
    };
    expect(routing.inbound.commands.map((c) => c.channel)).toEqual([blocked, blocked, blocked]);
    // Other commands do not ask; a channel the bot is in, or a failed lookup, blocks nothing.
    await routing.connection.receiver.send(slashCommand('town info'));
    routing.connection.api.channelsWithoutBot.clear();
    await routing.connection.receiver.send(slashCommand('channel link partnership:1'));
    routing.connection.api.failNext('conversations.info', 'missing_scope');
    await routing.connection.receiver.send(slashCommand('partner join code:ABCDE-12345'));
    expect(routing.inbound.commands.slice(3).map((c) => c.channel)).toEqual([
      { id: CHANNEL.id, name: CHANNEL.name },
      { id: CHANNEL.id, name: CHANNEL.name },
      { id: CHANNEL.id, name: CHANNEL.name },
    ]);
    expect(routing.connection.api.argsOf('conversations.info')).toHaveLength(5);
  });

  it('takes an admin right away within five minutes of Slack doing so', async () => {
    routing.connection.api.person(JANA.id, { name: JANA.name, admin: true });
    await routing.connection.receiver.send(slashCommand('town register'));
    routing.connection.api.person(JANA.id, { name: JANA.name, admin: false });
    routing.now = new Date(routing.now.getTime() + 5 * 60 * 1000 + 1);
    await routing.connection.receiver.send(slashCommand('town register'));
    expect(routing.inbound.commands.map((c) => c.actor.communityAdmin)).toEqual([true, false]);
  });

  it('counts nobody as admin when users.info fails', async () => {
    routing.connection.api.failNext('users.info', 'missing_scope');
    await routing.connection.receiver.send(slashCommand('town register'));
    expect(routing.inbound.commands[0]?.actor.communityAdmin).toBe(false);
  });
});

describe('app mentions', () => {
  it('run the text after the mention and answer in the thread, or privately', async () => {
    routing.inbound.respond = () => ({ text: 'Krumlov – Passau: 2 towns', private: false });
    expect(await routing.connection.receiver.send(appMention('Ev1', '<@U0BOT> partner list'))).toEqual({
      acknowledged: true,
      response: undefined,
    });
    routing.inbound.respond = () => ({ text: 'Your profile: cs', private: true });
    await routing.connection.receiver.send(
      appMention('Ev2', '<@U0BOT>: profile show', { thread_ts: '1699999999.000001' }),
    );
    expect(routing.inbound.commands.map(textOf)).toEqual(['partner list', 'profile show']);
    expect(routing.connection.api.argsOf('chat.postMessage')).toMatchObject([
      { channel: CHANNEL.id, text: 'Krumlov – Passau: 2 towns', thread_ts: '1700000004.000300' },
    ]);
    expect(routing.connection.api.argsOf('chat.postEphemeral')).toMatchObject([
      { channel: CHANNEL.id, user: JANA.id, text: 'Your profile: cs' },
    ]);
  });

  it('are handled once when Slack delivers the same event again', async () => {
    await routing.connection.receiver.send(appMention('Ev7', '<@U0BOT> town info'));
    const again = await routing.connection.receiver.send(appMention('Ev7', '<@U0BOT> town info'));
    expect(again.acknowledged).toBe(true);
    expect(routing.inbound.commands).toHaveLength(1);
    expect(routing.logLines).toContain('Slack re-delivered an event already handled; skipped');
  });
});
