// Discord adapter routing, slash commands: options and answers, the server allow-list, slow answers and failures.
import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';

import type { Reply } from '../../src/core/commands/invocation.ts';
import { FakeDiscordConnection, MAX, PASSAU } from './fake-discord-connection.ts';
import { hold } from '../support/fake-inbound-port.ts';
import {
  card,
  CHANNEL_MESSAGE_WITH_SOURCE,
  DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE,
  DISCORD_CONTENT_MAX,
  EPHEMERAL,
  only,
  PARTNERSTADT,
  useRouting,
} from './discord-routing-fixture.ts';

const routing = useRouting();

describe('slash commands', () => {
  it('runs the invoked subcommand with its options, the member, the server and the channel', async () => {
    const handle = routing.discord.command({
      name: 'town',
      group: 'coordinator',
      subcommand: 'add',
      rawOptions: [{ name: 'user', type: ApplicationCommandOptionType.User, value: '3000000000000000009' }],
      nick: 'Bürgermeister Max',
    });
    await routing.adapter.whenIdle();
    expect(routing.inbound.commands).toEqual([
      {
        command: 'town.coordinator.add',
        options: { user: '3000000000000000009' },
        actor: {
          platform: 'DISCORD',
          communityExternalId: PASSAU.id,
          communityName: 'Passau',
          userId: MAX.id,
          displayName: 'Bürgermeister Max',
          communityAdmin: false,
        },
        channel: { id: PARTNERSTADT, name: 'partnerstadt' },
        locale: 'de',
      },
    ]);
    expect(handle.answers()).toHaveLength(1);
  });

  // Permission bits (developers/docs/topics/permissions): Administrator 1 << 3, Manage Server
  // 1 << 5, Manage Channels 1 << 4.
  const ADMINISTRATOR = 8n;
  const MANAGE_GUILD = 32n;
  const MANAGE_CHANNELS = 16n;
  const adminCommands = commandList.filter((d) => d.communityAdmin === true);

  it.each(adminCommands.map((d) => [d.path.join(' '), d] as const))(
    '/%s tells the core the member is a server admin only with Manage Server or Administrator',
    async (_name, definition) => {
      const [name, second, third] = definition.path;
      const invoke = (memberPermissions: bigint) =>
        routing.discord.command({
          name,
          ...(third === undefined ? { subcommand: second } : { group: second, subcommand: third }),
          memberPermissions,
        });
      for (const bits of [0n, MANAGE_CHANNELS, MANAGE_GUILD, ADMINISTRATOR, MANAGE_GUILD | MANAGE_CHANNELS]) {
        invoke(bits);
      }
      await routing.adapter.whenIdle();
      expect(
        routing.inbound.commands.map((c) => ['command' in c ? c.command : '', c.actor.communityAdmin]),
      ).toEqual([false, false, true, true, true].map((admin) => [definition.path.join('.'), admin]));
    },
  );

  it('passes option values as Discord typed them, and unknown commands as the words typed', async () => {
    routing.discord.command({
      name: 'event',
      subcommand: 'create',
      options: { partnership: 1, title: 'Besuch', capacity: 30 },
    });
    routing.discord.command({ name: 'event', subcommand: 'archive', options: { event: 3 } });
    routing.discord.command({ name: 'help' });
    await routing.adapter.whenIdle();
    expect(routing.inbound.commands.map((c) => ('command' in c ? [c.command, c.options] : []))).toEqual([
      ['event.create', { partnership: 1, title: 'Besuch', capacity: 30 }],
      ['event archive', { event: 3 }],
      ['help', {}],
    ]);
  });

  it('shows a public answer to the channel, a private one and a refusal only to the member', async () => {
    const replies: Reply[] = [
      { text: 'Für alle', private: false },
      { text: 'Nur für dich', private: true },
      { text: 'Abgelehnt', private: false, error: { key: 'error.denied' } },
    ];
    const answers = [];
    for (const reply of replies) {
      routing.inbound.respond = () => reply;
      const handle = routing.discord.command({ name: 'town', subcommand: 'info' });
      await routing.adapter.whenIdle();
      answers.push(only(handle.answers()));
    }
    expect(
      answers.map((a) => a.kind === 'callback' && [a.type, a.body?.['content'], a.body?.['flags']]),
    ).toEqual([
      [CHANNEL_MESSAGE_WITH_SOURCE, 'Für alle', undefined],
      [CHANNEL_MESSAGE_WITH_SOURCE, 'Nur für dich', EPHEMERAL],
      [CHANNEL_MESSAGE_WITH_SOURCE, 'Abgelehnt', EPHEMERAL],
    ]);
    // Nobody is ever pinged by what the bot says.
    for (const answer of answers) expect(answer.body?.['allowed_mentions']).toEqual({ parse: [] });
  });

  it('answers with an exchange card: the embed and the RSVP buttons under the headline', async () => {
    routing.inbound.respond = () => ({ text: 'Angelegt.', private: false, exchange: card });
    const handle = routing.discord.command({ name: 'event', subcommand: 'info', options: { event: 12 } });
    await routing.adapter.whenIdle();
    const answer = only(handle.answers());
    expect(answer.body?.['content']).toBe('Angelegt.');
    const data = answer.body as {
      embeds: { title: string }[];
      components: { components: { custom_id: string }[] }[];
    };
    expect(data.embeds.map((e) => e.title)).toEqual(['#12 Jugendcamp']);
    expect(data.components[0]?.components.map((b) => b.custom_id)).toEqual([
      'twin:rsvp:going:12',
      'twin:rsvp:maybe:12',
      'twin:rsvp:no:12',
    ]);
  });

  it('splits a long answer at line breaks into a reply and follow-ups of at most 2000 characters', async () => {
    const lines = Array.from(
      { length: 90 },
      (_, i) => `Zeile ${String(i).padStart(2, '0')}: ${'x'.repeat(40)}`,
    );
    routing.inbound.respond = () => ({ text: lines.join('\n'), private: true });
    const handle = routing.discord.command({ name: 'event', subcommand: 'attendees', options: { event: 1 } });
    await routing.adapter.whenIdle();
    const answers = handle.answers();
    expect(answers.map((a) => a.kind)).toEqual(['callback', 'follow-up', 'follow-up']);
    const contents = answers.map((a) => String(a.body?.['content']));
    for (const content of contents) expect(content.length).toBeLessThanOrEqual(DISCORD_CONTENT_MAX);
    expect(contents.join('\n')).toBe(lines.join('\n'));
    // A private answer stays private in every part.
    expect(answers.map((a) => a.body?.['flags'])).toEqual([EPHEMERAL, EPHEMERAL, EPHEMERAL]);
  });

  it('answers a command from a direct message without asking the core', async () => {
    const handle = routing.discord.command({ name: 'town', subcommand: 'info', guild: null });
    await routing.adapter.whenIdle();
    expect(routing.inbound.commands).toEqual([]);
    const answer = only(handle.answers());
    expect(answer.body?.['content']).toBe(
      'Twinbridge funktioniert in den Kanälen des Servers Ihrer Stadt, nicht in Direktnachrichten.',
    );
    expect(answer.body?.['flags']).toBe(EPHEMERAL);
  });
});

describe('DISCORD_ALLOWED_GUILDS', () => {
  it('refuses commands, buttons and autocomplete from a server not on the list, without asking the core', async () => {
    const connection = new FakeDiscordConnection();
    const listed = new DiscordAdapter(connection, routing.inbound, routing.logger, {
      timer: routing.timer,
      allowedGuilds: ['9999999999999999999'],
    });
    await listed.start();
    const command = connection.command({ name: 'town', subcommand: 'info' });
    const click = connection.click({ customId: 'rsvp:12:going' });
    const suggest = connection.autocomplete({ name: 'rsvp', focused: 'event', typed: '1' });
    await listed.whenIdle();
    expect(routing.inbound.commands).toEqual([]);
    expect(routing.inbound.suggestRequests).toEqual([]);
    for (const handle of [command, click]) {
      expect(only(handle.answers()).body).toMatchObject({
        content:
          'Twinbridge ist für diesen Server oder Workspace nicht freigegeben. Bitten Sie den Betreiber dieses Bots, ihn freizugeben.',
        flags: EPHEMERAL,
      });
    }
    expect(only(suggest.answers()).body?.['choices']).toEqual([]);
  });

  it('serves a server on the list', async () => {
    const connection = new FakeDiscordConnection();
    const listed = new DiscordAdapter(connection, routing.inbound, routing.logger, {
      timer: routing.timer,
      allowedGuilds: [PASSAU.id],
    });
    await listed.start();
    connection.command({ name: 'town', subcommand: 'info' });
    await listed.whenIdle();
    expect(routing.inbound.commands).toHaveLength(1);
  });
});

describe('slow answers', () => {
  it('answers at once, without deferring, when the core is done before the deadline', async () => {
    const handle = routing.discord.command({ name: 'town', subcommand: 'info' });
    await routing.adapter.whenIdle();
    expect(routing.timer.armed(1500)).toBe(0);
    expect(only(handle.answers())).toMatchObject({ kind: 'callback', type: CHANNEL_MESSAGE_WITH_SOURCE });
  });

  it('defers privately at the deadline, edits the answer in, and shows a public one to the channel too', async () => {
    const slow = hold<Reply>();
    routing.inbound.respond = () => slow.promise;
    const handle = routing.discord.command({
      name: 'announce',
      subcommand: 'send',
      options: { partnership: 1, text: 'Hallo' },
    });
    await routing.inbound.commandsReached(1);
    routing.timer.fire(1500);
    slow.release({ text: 'Gesendet', private: false });
    await routing.adapter.whenIdle();
    const answers = handle.answers();
    expect(
      answers.map((a) => [a.kind, a.kind === 'callback' ? a.type : undefined, a.body?.['content']]),
    ).toEqual([
      ['callback', DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE, undefined],
      ['edit-original', undefined, 'Gesendet'],
      ['follow-up', undefined, 'Gesendet'],
    ]);
    expect(answers[0]?.body?.['flags']).toBe(EPHEMERAL);
    expect(answers[2]?.body?.['flags']).toBeUndefined();
  });

  it('keeps a slow private answer in the deferred reply only', async () => {
    const slow = hold<Reply>();
    routing.inbound.respond = () => slow.promise;
    const handle = routing.discord.command({ name: 'profile', subcommand: 'show' });
    await routing.inbound.commandsReached(1);
    routing.timer.fire(1500);
    slow.release({ text: 'Dein Profil', private: true });
    await routing.adapter.whenIdle();
    expect(handle.answers().map((a) => a.kind)).toEqual(['callback', 'edit-original']);
  });
});

describe('failures', () => {
  it('apologizes privately with a reference that the log has too', async () => {
    routing.inbound.respond = () => {
      throw new Error('database gone');
    };
    const handle = routing.discord.command({ name: 'town', subcommand: 'info' });
    await routing.adapter.whenIdle();
    const answer = only(handle.answers());
    const content = String(answer.body?.['content']);
    const ref = /Ref\. ([0-9a-f]{8})\)/.exec(content)?.[1];
    expect(content).toBe(
      `Bei mir ist etwas schiefgelaufen (Ref. ${ref}). Es wurde nichts geändert; die Koordinatoren können diese Referenz angeben.`,
    );
    expect(answer.body?.['flags']).toBe(EPHEMERAL);
    const logged = routing.logger.entries.filter((e) => e.level === 'error');
    expect(logged.map((e) => [e.message, e.details['ref'], (e.details['err'] as Error).message])).toEqual([
      ['Discord interaction failed', ref, 'database gone'],
    ]);
  });

  it('apologizes in a follow-up once the interaction was deferred', async () => {
    const slow = hold<Reply>();
    routing.inbound.respond = () => slow.promise.then(() => Promise.reject(new Error('late failure')));
    const handle = routing.discord.command({ name: 'town', subcommand: 'info' });
    await routing.inbound.commandsReached(1);
    routing.timer.fire(1500);
    slow.release({ text: '', private: false });
    await routing.adapter.whenIdle();
    const answers = handle.answers();
    expect(answers.map((a) => a.kind)).toEqual(['callback', 'follow-up']);
    expect(String(answers[1]?.body?.['content'])).toMatch(
      /^Bei mir ist etwas schiefgelaufen \(Ref\. [0-9a-f]{8}\)/,
    );
    expect(answers[1]?.body?.['flags']).toBe(EPHEMERAL);
  });

  it('apologizes when Discord refuses the answer itself, and logs that the person could not be told', async () => {
    routing.discord.failRequests((r) =>
      r.path.endsWith('/callback') ? { status: 400, code: 50035, message: 'Invalid Form Body' } : undefined,
    );
    const handle = routing.discord.command({ name: 'town', subcommand: 'info' });
    await routing.adapter.whenIdle();
    // The answer, then the apology: both refused.
    expect(handle.answers()).toHaveLength(2);
    expect(routing.logger.entries.map((e) => [e.level, e.message])).toEqual(
      expect.arrayContaining([
        ['error', 'Discord interaction failed'],
        ['warn', 'Discord: could not tell the person about the failure'],
      ]),
    );
    const failed = routing.logger.entries.find((e) => e.level === 'error');
    expect(failed?.details['code']).toBe(50035);
  });
});
