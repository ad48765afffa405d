/**
 * The Discord adapter's routing, driven through a fake connection (real discord.js interactions
 * from raw payloads, REST answered in memory) and a fake InboundPort: no database, no socket.
 * What Discord limits are is written here from Discord's documentation, not read from the code.
 * The emulator suites (discord-interactions, discord-scenario) cover the same paths end to end.
 */
import { ApplicationCommandOptionType, Locale } from 'discord.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';

import type { Reply } from '../../src/core/commands/invocation.ts';
import type { ExchangeCard } from '../../src/core/views/exchange-card.ts';
import {
  FakeDiscordConnection,
  MAX,
  PASSAU,
  POSTING_PERMISSIONS,
  type InteractionAnswer,
} from './fake-discord-connection.ts';
import { FakeInboundPort, hold } from '../support/fake-inbound-port.ts';
import { ManualTimer } from '../support/manual-timer.ts';
import { recordingLogger } from '../support/recording-logger.ts';

// developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type
const CHANNEL_MESSAGE_WITH_SOURCE = 4;
const DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
const DEFERRED_UPDATE_MESSAGE = 6;
const UPDATE_MESSAGE = 7;
const APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8;
// developers/docs/resources/message#message-object-message-flags
const EPHEMERAL = 64;
// developers/docs/resources/message#create-message: content up to 2000 characters.
const DISCORD_CONTENT_MAX = 2000;
// developers/docs/interactions/application-commands#autocomplete: up to 25 choices, names 1-100.
const CHOICES_MAX = 25;
const CHOICE_NAME_MAX = 100;
// Permission bits (developers/docs/topics/permissions).
const EMBED_LINKS = 16384n;
const SEND_MESSAGES_IN_THREADS = 274877906944n;

const [PARTNERSTADT, THREAD] = PASSAU.channels.map((c) => c.id) as [string, string];

const card: ExchangeCard = {
  number: 12,
  title: 'Jugendcamp',
  description: '',
  status: 'PLANNED',
  startsAt: new Date('2027-07-06T08:00:00Z'),
  endsAt: new Date('2027-07-10T14:00:00Z'),
  timeZone: 'Europe/Berlin',
  whenText: 'Di., 6. Juli 2027, 10:00 – Sa., 10. Juli 2027, 16:00 MESZ',
  fields: [{ label: 'Plätze', value: '1 von 3 belegt' }],
  rsvpButtons: { going: 'Ich komme', maybe: 'Vielleicht', no: 'Ich komme nicht' },
};

let discord: FakeDiscordConnection;
let inbound: FakeInboundPort;
let logger: ReturnType<typeof recordingLogger>;
let timer: ManualTimer;
let adapter: DiscordAdapter;

beforeEach(async () => {
  discord = new FakeDiscordConnection();
  inbound = new FakeInboundPort();
  logger = recordingLogger();
  timer = new ManualTimer();
  adapter = new DiscordAdapter(discord, inbound, logger, { timer, deferAfterMs: 1500, stopGraceMs: 5000 });
  await adapter.start();
});

function only(answers: InteractionAnswer[]): InteractionAnswer {
  expect(answers).toHaveLength(1);
  return answers[0] as InteractionAnswer;
}

describe('slash commands', () => {
  it('runs the invoked subcommand with its options, the member, the server and the channel', async () => {
    const handle = discord.command({
      name: 'town',
      group: 'coordinator',
      subcommand: 'add',
      rawOptions: [{ name: 'user', type: ApplicationCommandOptionType.User, value: '3000000000000000009' }],
      nick: 'Bürgermeister Max',
    });
    await adapter.whenIdle();
    expect(inbound.commands).toEqual([
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
        discord.command({
          name,
          ...(third === undefined ? { subcommand: second } : { group: second, subcommand: third }),
          memberPermissions,
        });
      for (const bits of [0n, MANAGE_CHANNELS, MANAGE_GUILD, ADMINISTRATOR, MANAGE_GUILD | MANAGE_CHANNELS]) {
        invoke(bits);
      }
      await adapter.whenIdle();
      expect(inbound.commands.map((c) => ['command' in c ? c.command : '', c.actor.communityAdmin])).toEqual(
        [false, false, true, true, true].map((admin) => [definition.path.join('.'), admin]),
      );
    },
  );

  it('passes option values as Discord typed them, and unknown commands as the words typed', async () => {
    discord.command({
      name: 'event',
      subcommand: 'create',
      options: { partnership: 1, title: 'Besuch', capacity: 30 },
    });
    discord.command({ name: 'event', subcommand: 'archive', options: { event: 3 } });
    discord.command({ name: 'help' });
    await adapter.whenIdle();
    expect(inbound.commands.map((c) => ('command' in c ? [c.command, c.options] : []))).toEqual([
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
      inbound.respond = () => reply;
      const handle = discord.command({ name: 'town', subcommand: 'info' });
      await adapter.whenIdle();
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
    inbound.respond = () => ({ text: 'Angelegt.', private: false, exchange: card });
    const handle = discord.command({ name: 'event', subcommand: 'info', options: { event: 12 } });
    await adapter.whenIdle();
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
    inbound.respond = () => ({ text: lines.join('\n'), private: true });
    const handle = discord.command({ name: 'event', subcommand: 'attendees', options: { event: 1 } });
    await adapter.whenIdle();
    const answers = handle.answers();
    expect(answers.map((a) => a.kind)).toEqual(['callback', 'follow-up', 'follow-up']);
    const contents = answers.map((a) => String(a.body?.['content']));
    for (const content of contents) expect(content.length).toBeLessThanOrEqual(DISCORD_CONTENT_MAX);
    expect(contents.join('\n')).toBe(lines.join('\n'));
    // A private answer stays private in every part.
    expect(answers.map((a) => a.body?.['flags'])).toEqual([EPHEMERAL, EPHEMERAL, EPHEMERAL]);
  });

  it('answers a command from a direct message without asking the core', async () => {
    const handle = discord.command({ name: 'town', subcommand: 'info', guild: null });
    await adapter.whenIdle();
    expect(inbound.commands).toEqual([]);
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
    const listed = new DiscordAdapter(connection, inbound, logger, {
      timer,
      allowedGuilds: ['9999999999999999999'],
    });
    await listed.start();
    const command = connection.command({ name: 'town', subcommand: 'info' });
    const click = connection.click({ customId: 'rsvp:12:going' });
    const suggest = connection.autocomplete({ name: 'rsvp', focused: 'event', typed: '1' });
    await listed.whenIdle();
    expect(inbound.commands).toEqual([]);
    expect(inbound.suggestRequests).toEqual([]);
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
    const listed = new DiscordAdapter(connection, inbound, logger, { timer, allowedGuilds: [PASSAU.id] });
    await listed.start();
    connection.command({ name: 'town', subcommand: 'info' });
    await listed.whenIdle();
    expect(inbound.commands).toHaveLength(1);
  });
});

describe('slow answers', () => {
  it('answers at once, without deferring, when the core is done before the deadline', async () => {
    const handle = discord.command({ name: 'town', subcommand: 'info' });
    await adapter.whenIdle();
    expect(timer.armed(1500)).toBe(0);
    expect(only(handle.answers())).toMatchObject({ kind: 'callback', type: CHANNEL_MESSAGE_WITH_SOURCE });
  });

  it('defers privately at the deadline, edits the answer in, and shows a public one to the channel too', async () => {
    const slow = hold<Reply>();
    inbound.respond = () => slow.promise;
    const handle = discord.command({
      name: 'announce',
      subcommand: 'send',
      options: { partnership: 1, text: 'Hallo' },
    });
    await inbound.commandsReached(1);
    timer.fire(1500);
    slow.release({ text: 'Gesendet', private: false });
    await adapter.whenIdle();
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
    inbound.respond = () => slow.promise;
    const handle = discord.command({ name: 'profile', subcommand: 'show' });
    await inbound.commandsReached(1);
    timer.fire(1500);
    slow.release({ text: 'Dein Profil', private: true });
    await adapter.whenIdle();
    expect(handle.answers().map((a) => a.kind)).toEqual(['callback', 'edit-original']);
  });
});

describe('failures', () => {
  it('apologizes privately with a reference that the log has too', async () => {
    inbound.respond = () => {
      throw new Error('database gone');
    };
    const handle = discord.command({ name: 'town', subcommand: 'info' });
    await adapter.whenIdle();
    const answer = only(handle.answers());
    const content = String(answer.body?.['content']);
    const ref = /Ref\. ([0-9a-f]{8})\)/.exec(content)?.[1];
    expect(content).toBe(
      `Bei mir ist etwas schiefgelaufen (Ref. ${ref}). Es wurde nichts geändert; die Koordinatoren können diese Referenz angeben.`,
    );
    expect(answer.body?.['flags']).toBe(EPHEMERAL);
    const logged = logger.entries.filter((e) => e.level === 'error');
    expect(logged.map((e) => [e.message, e.details['ref'], (e.details['err'] as Error).message])).toEqual([
      ['Discord interaction failed', ref, 'database gone'],
    ]);
  });

  it('apologizes in a follow-up once the interaction was deferred', async () => {
    const slow = hold<Reply>();
    inbound.respond = () => slow.promise.then(() => Promise.reject(new Error('late failure')));
    const handle = discord.command({ name: 'town', subcommand: 'info' });
    await inbound.commandsReached(1);
    timer.fire(1500);
    slow.release({ text: '', private: false });
    await adapter.whenIdle();
    const answers = handle.answers();
    expect(answers.map((a) => a.kind)).toEqual(['callback', 'follow-up']);
    expect(String(answers[1]?.body?.['content'])).toMatch(
      /^Bei mir ist etwas schiefgelaufen \(Ref\. [0-9a-f]{8}\)/,
    );
    expect(answers[1]?.body?.['flags']).toBe(EPHEMERAL);
  });

  it('apologizes when Discord refuses the answer itself, and logs that the person could not be told', async () => {
    discord.failRequests((r) =>
      r.path.endsWith('/callback') ? { status: 400, code: 50035, message: 'Invalid Form Body' } : undefined,
    );
    const handle = discord.command({ name: 'town', subcommand: 'info' });
    await adapter.whenIdle();
    // The answer, then the apology: both refused.
    expect(handle.answers()).toHaveLength(2);
    expect(logger.entries.map((e) => [e.level, e.message])).toEqual(
      expect.arrayContaining([
        ['error', 'Discord interaction failed'],
        ['warn', 'Discord: could not tell the person about the failure'],
      ]),
    );
    const failed = logger.entries.find((e) => e.level === 'error');
    expect(failed?.details['code']).toBe(50035);
  });
});

describe('autocomplete', () => {
  it('offers the suggestions for the option being typed, integer values as numbers', async () => {
    inbound.suggestions = () => [
      { value: 1, label: '#1 Krumlov – Passau' },
      { value: 2, label: '#2 Passau – Hackney' },
    ];
    const handle = discord.autocomplete({
      name: 'event',
      subcommand: 'create',
      options: { title: 'Besuch' },
      focused: 'partnership',
      typed: 'Kru',
      locale: Locale.Czech,
    });
    await adapter.whenIdle();
    expect(inbound.suggestRequests).toEqual([
      {
        actor: { platform: 'DISCORD', communityExternalId: PASSAU.id },
        source: 'partnership',
        typed: 'Kru',
        locale: 'cs',
      },
    ]);
    expect(only(handle.answers())).toMatchObject({
      kind: 'callback',
      type: APPLICATION_COMMAND_AUTOCOMPLETE_RESULT,
      body: {
        choices: [
          { name: '#1 Krumlov – Passau', value: 1 },
          { name: '#2 Passau – Hackney', value: 2 },
        ],
      },
    });
  });

  it('keeps to Discord’s limits: at most 25 choices, names of at most 100 characters', async () => {
    inbound.suggestions = () =>
      Array.from({ length: 40 }, (_, i) => ({ value: `Zone/${i}`, label: `${'Zone '.repeat(30)}${i}` }));
    const handle = discord.autocomplete({
      name: 'town',
      subcommand: 'register',
      focused: 'timezone',
      typed: 'Zo',
    });
    await adapter.whenIdle();
    const choices = only(handle.answers()).body?.['choices'] as { name: string; value: string }[];
    expect(choices).toHaveLength(CHOICES_MAX);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(CHOICE_NAME_MAX);
    expect(choices[0]?.value).toBe('Zone/0');
  });

  it('offers nothing for an option without suggestions, and nothing when the lookup fails or is too slow', async () => {
    const plain = discord.autocomplete({ name: 'event', subcommand: 'create', focused: 'title', typed: 'B' });
    await adapter.whenIdle();
    expect(inbound.suggestRequests).toEqual([]);

    inbound.suggestions = () => Promise.reject(new Error('lookup failed'));
    const failing = discord.autocomplete({ name: 'rsvp', focused: 'event', typed: '1' });
    await adapter.whenIdle();
    expect(
      logger.entries.some((e) => e.level === 'warn' && e.message === 'Discord autocomplete lookup failed'),
    ).toBe(true);

    const asked = hold<undefined>();
    inbound.suggestions = () => {
      asked.release(undefined);
      return new Promise(() => undefined);
    };
    const slow = discord.autocomplete({ name: 'rsvp', focused: 'event', typed: '1' });
    await asked.promise;
    // Discord gives autocomplete 3 s; the adapter stops waiting before that.
    expect(timer.armed(2500)).toBe(1);
    timer.fire(2500);
    await adapter.whenIdle();

    for (const handle of [plain, failing, slow]) {
      expect(only(handle.answers())).toMatchObject({
        kind: 'callback',
        type: APPLICATION_COMMAND_AUTOCOMPLETE_RESULT,
        body: { choices: [] },
      });
    }
  });
});

describe('RSVP buttons', () => {
  const channelCard = { id: '4000000000000000001', content: 'Neue Veranstaltung' };

  it('records the answer, redraws the channel’s card as the channel sees it, and tells the clicker privately', async () => {
    inbound.card = { ...card, fields: [{ label: 'Plätze', value: '2 von 3 belegt' }] };
    inbound.respond = () => ({ text: 'Sie kommen.', private: true, exchange: card });
    const handle = discord.click({ customId: 'twin:rsvp:maybe:12', message: channelCard });
    await adapter.whenIdle();
    expect(inbound.commands.map((c) => 'command' in c && [c.command, c.options])).toEqual([
      ['rsvp', { event: 12, answer: 'maybe' }],
    ]);
    expect(inbound.cardRequests).toEqual([
      { channel: { id: PARTNERSTADT, name: 'partnerstadt' }, exchangeNumber: 12 },
    ]);
    const [update, notice] = handle.answers();
    expect(update).toMatchObject({
      kind: 'callback',
      type: UPDATE_MESSAGE,
      body: { content: 'Neue Veranstaltung' },
    });
    const embeds = update?.body?.['embeds'] as { fields: { value: string }[] }[];
    expect(embeds[0]?.fields.map((f) => f.value)).toEqual(['2 von 3 belegt']);
    expect(notice).toMatchObject({ kind: 'follow-up', body: { content: 'Sie kommen.', flags: EPHEMERAL } });
  });

  it('turns the clicker’s own (ephemeral) card into their updated card, with nothing more to say', async () => {
    inbound.respond = () => ({ text: 'Sie kommen.\n#12 Jugendcamp', private: true, exchange: card });
    const handle = discord.click({
      customId: 'twin:rsvp:going:12',
      message: { id: '4000000000000000002', content: 'alt', flags: EPHEMERAL },
    });
    await adapter.whenIdle();
    expect(inbound.cardRequests).toEqual([]);
    const answer = only(handle.answers());
    expect(answer).toMatchObject({ kind: 'callback', type: UPDATE_MESSAGE });
    expect((answer.body?.['embeds'] as unknown[]).length).toBe(1);
  });

  it('leaves the card alone when the answer was refused and the channel does not show the exchange', async () => {
    inbound.respond = () => ({
      text: 'Veranstaltung #77 gibt es nicht.',
      private: true,
      error: { key: 'event.not-found' },
    });
    const handle = discord.click({ customId: 'twin:rsvp:going:77', message: channelCard });
    await adapter.whenIdle();
    expect(only(handle.answers())).toMatchObject({
      kind: 'callback',
      type: CHANNEL_MESSAGE_WITH_SOURCE,
      body: { content: 'Veranstaltung #77 gibt es nicht.', flags: EPHEMERAL },
    });
  });

  it('defers a slow click as an update, then edits the card in', async () => {
    inbound.card = card;
    const slow = hold<Reply>();
    inbound.respond = () => slow.promise;
    const handle = discord.click({ customId: 'twin:rsvp:no:12', message: channelCard });
    await inbound.commandsReached(1);
    timer.fire(1500);
    slow.release({ text: 'Sie kommen nicht.', private: true, exchange: card });
    await adapter.whenIdle();
    expect(handle.answers().map((a) => [a.kind, a.kind === 'callback' ? a.type : undefined])).toEqual([
      ['callback', DEFERRED_UPDATE_MESSAGE],
      ['edit-original', undefined],
      ['follow-up', undefined],
    ]);
  });

  it('handles clicks on one card one after another, and clicks on other cards meanwhile', async () => {
    inbound.card = card;
    const first = hold<Reply>();
    const requestsSeen: number[] = [];
    inbound.respond = (request) => {
      requestsSeen.push(discord.requests.length);
      if (inbound.commands.length === 1) return first.promise;
      return {
        text: `Antwort ${'command' in request ? String(request.options['answer']) : ''}`,
        private: true,
      };
    };
    const a = discord.click({ customId: 'twin:rsvp:going:12', message: channelCard });
    await inbound.commandsReached(1);
    const b = discord.click({ customId: 'twin:rsvp:no:12', message: channelCard });
    const other = discord.click({ customId: 'twin:rsvp:maybe:12', message: { id: '4000000000000000003' } });
    // The click on another card reaches the core while the first card's click is still open.
    await inbound.commandsReached(2);
    expect(inbound.commands.map((c) => 'command' in c && c.options['answer'])).toEqual(['going', 'maybe']);
    first.release({ text: 'Erste', private: true });
    await adapter.whenIdle();
    // The second click on the first card reached the core only after the first one's redraw went out.
    const firstUpdate = a.answers()[0];
    expect(firstUpdate).toMatchObject({ kind: 'callback', type: UPDATE_MESSAGE });
    expect(requestsSeen[2]).toBeGreaterThan(firstUpdate?.index ?? Infinity);
    for (const handle of [a, b, other]) expect(handle.answers()[0]).toMatchObject({ type: UPDATE_MESSAGE });
  });

  it('answers a button this version does not make, in the reader’s language', async () => {
    inbound.language = 'cs';
    const handle = discord.click({ customId: 'twin:vote:3' });
    await adapter.whenIdle();
    expect(inbound.commands).toEqual([]);
    expect(only(handle.answers()).body).toMatchObject({
      content: 'Toto tlačítko už nefunguje. Aktuální kartu zobrazí /event info.',
      flags: EPHEMERAL,
    });
  });
});

describe('what Twinbridge does not make', () => {
  it('answers a select menu in the interaction’s locale without asking the core', async () => {
    const handle = discord.select({ customId: 'twin:pick', values: ['1'], locale: Locale.EnglishUS });
    await adapter.whenIdle();
    expect(inbound.commands).toEqual([]);
    expect(only(handle.answers()).body).toMatchObject({
      content: 'This button no longer works. Use /event info to get a fresh card.',
      flags: EPHEMERAL,
    });
  });

  it('hands a context-menu command to the core by name, and answers privately', async () => {
    inbound.respond = () => ({
      text: 'Den Befehl „Profil“ kenne ich nicht.',
      private: false,
      error: { key: 'x' },
    });
    const handle = discord.userCommand({ name: 'Profil' });
    await adapter.whenIdle();
    expect(inbound.commands.map((c) => 'command' in c && [c.command, c.options])).toEqual([['Profil', {}]]);
    expect(only(handle.answers()).body).toMatchObject({ flags: EPHEMERAL });
  });
});

describe('posting permissions in the channel', () => {
  it('names the permissions the bot lacks for posting, in a channel and in a thread', async () => {
    discord.command({
      name: 'channel',
      subcommand: 'link',
      options: { partnership: 1 },
      appPermissions: 1024n | 2048n,
    });
    discord.command({
      name: 'channel',
      subcommand: 'link',
      options: { partnership: 1 },
      channelId: THREAD,
      appPermissions: POSTING_PERMISSIONS,
    });
    discord.command({
      name: 'channel',
      subcommand: 'link',
      options: { partnership: 1 },
      channelId: THREAD,
      appPermissions: 1024n | SEND_MESSAGES_IN_THREADS | EMBED_LINKS,
    });
    await adapter.whenIdle();
    expect(inbound.commands.map((c) => c.channel)).toEqual([
      {
        id: PARTNERSTADT,
        name: 'partnerstadt',
        postingBlocked: 'missing permissions Embed Links',
        missingPermissions: ['embed-links'],
      },
      {
        id: THREAD,
        name: 'visit-2027',
        postingBlocked: 'missing permissions Send Messages in Threads',
        missingPermissions: ['send-messages-in-threads'],
      },
      { id: THREAD, name: 'visit-2027' },
    ]);
  });
});

describe('lifecycle', () => {
  it('answers that it is not connected, for a retry, when posting before start', async () => {
    const target = {
      platform: 'DISCORD',
      communityExternalId: PASSAU.id,
      channelId: PARTNERSTADT,
      channelName: 'partnerstadt',
    } as const;
    const idle = new DiscordAdapter(new FakeDiscordConnection(), inbound, logger);
    await expect(idle.poster.post(target, { text: 'Hallo' }, 'key-1')).resolves.toEqual({
      ok: false,
      retryable: true,
      reason: 'Discord: not connected',
    });
    const posted = await adapter.poster.post(target, { text: 'Hallo' }, 'key-1');
    expect(posted.ok).toBe(true);
    expect(discord.channelRequests().map((r) => [r.method, r.path, r.body?.['content']])).toEqual([
      ['POST', `/channels/${PARTNERSTADT}/messages`, 'Hallo'],
    ]);
  });

  it('lets an answer under way finish before disconnecting, and takes no interaction after stop', async () => {
    const slow = hold<Reply>();
    inbound.respond = () => slow.promise;
    const handle = discord.command({ name: 'town', subcommand: 'info' });
    await inbound.commandsReached(1);
    const stopped = adapter.stop();
    const late = discord.command({ name: 'town', subcommand: 'info' });
    slow.release({ text: 'Passau', private: false });
    await stopped;
    expect(discord.connected).toBe(false);
    expect(handle.answers()).toHaveLength(1);
    expect(discord.requests.every((r) => r.whileConnected)).toBe(true);
    expect(inbound.commands).toHaveLength(1);
    expect(late.answers()).toEqual([]);
  });
});
