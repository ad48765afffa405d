/**
 * Interactions the scenario does not show: bad input of every kind (unknown commands, a stale
 * registration with options of the wrong type, values the core refuses, stale and foreign
 * buttons, commands from DMs), languages, autocomplete and long answers. Each answer must be a
 * clear ephemeral message, never silence. Work slower than Discord's 3-second window is in
 * discord-interactions-slow.test.ts.
 */
import { REST, Routes, type APIMessage } from 'discord.js';
import { ApplicationCommandOptionType, ComponentType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { DATABASE_KINDS } from '../support/test-database.ts';
import type { DiscordHarness } from './discord-harness.ts';
import { buttonIds, messageText } from './discord-harness.ts';
import {
  jana,
  petra,
  max,
  lena,
  USTI,
  ANSWER_AT_ONCE,
  expectRefusal,
  startTwinTowns,
  stopTwinTowns,
} from './discord-interactions-fixture.ts';

describe.each(DATABASE_KINDS)('Discord interactions on %s', (kind) => {
  let database: Database;
  let h: DiscordHarness;

  beforeAll(async () => ({ database, h } = await startTwinTowns(kind, ANSWER_AT_ONCE)));
  afterAll(() => stopTwinTowns({ database, h }));

  it('answers an unknown command with the core’s “I do not know”, ephemerally, in the town’s language', async () => {
    const answer = await h.command({ ...petra, name: 'legacy' });
    expectRefusal(answer, translate('cs', 'command.unknown', { words: 'legacy', suggestions: '/help' }));
  });

  it('copes with a registration older than the bot: an unknown subcommand, an option of the wrong type', async () => {
    // As if an old version of the bot had registered these to Krumlov's server (guild commands
    // shadow global ones there).
    const rest = new REST({ api: h.discord.apiUrl }).setToken(h.config.token);
    const route = Routes.applicationGuildCommands(h.discord.applicationId, h.discord.guildId(jana.guild));
    await rest.put(route, {
      body: [
        {
          name: 'event',
          description: 'Events (old)',
          options: [
            {
              type: ApplicationCommandOptionType.Subcommand,
              name: 'archive',
              description: 'Archive an event',
            },
            {
              type: ApplicationCommandOptionType.Subcommand,
              name: 'info',
              description: 'Show an event',
              options: [
                {
                  type: ApplicationCommandOptionType.String,
                  name: 'event',
                  description: 'Which',
                  required: true,
                },
              ],
            },
          ],
        },
      ],
    });
    try {
      const archive = await h.command({ ...jana, name: 'event', subcommand: 'archive' });
      expectRefusal(
        archive,
        translate('cs', 'command.unknown', {
          words: 'event archive',
          suggestions: commandList
            .filter((d) => d.path[0] === 'event')
            .map((d) => `/${d.path.join(' ')}`)
            .join(', '),
        }),
      );
      const info = await h.command({
        ...jana,
        name: 'event',
        subcommand: 'info',
        options: { event: 'the first one' },
      });
      expectRefusal(info, translate('cs', 'validation.not-a-whole-number', { option: 'event' }));
      expect(info.text).toContain('Použití: /event info event:<číslo>');
    } finally {
      await rest.put(route, { body: [] });
    }
  });

  it('refuses values Discord lets through but the core does not, naming the option', async () => {
    const country = await h.command({
      ...USTI,
      name: 'town',
      subcommand: 'register',
      options: { name: 'Ústí nad Labem', country: 'XX', timezone: 'Europe/Prague', language: 'cs' },
    });
    // Nobody in Ústí has a language yet and there is no town: the interaction's locale (de) decides.
    expectRefusal(country, translate('de', 'town.unknown-country', { country: 'XX' }));
    const zone = await h.command({
      ...USTI,
      name: 'town',
      subcommand: 'register',
      options: { name: 'Ústí nad Labem', country: 'CZ', timezone: 'Mars/Olympus', language: 'cs' },
    });
    expectRefusal(zone, translate('de', 'time.unknown-zone', { zone: 'Mars/Olympus' }));
    const language = await h.command({
      ...jana,
      name: 'profile',
      subcommand: 'set',
      options: { languages: 'klingon' },
    });
    expectRefusal(language, translate('cs', 'validation.unknown-language', { language: 'klingon' }));
    const missing = await h.command({ ...max, name: 'rsvp', options: { event: 99, answer: 'going' } });
    // The command it points to is written as a Discord slash command.
    expectRefusal(
      missing,
      'In Ihren Partnerschaften gibt es keine Veranstaltung mit der Nummer 99. Siehe „/event list“.',
    );
    const past = await h.command({
      ...jana,
      name: 'event',
      subcommand: 'create',
      options: { partnership: 1, title: 'Yesterday', kind: 'study-visit', start: '2026-11-01 10:00' },
    });
    expect(past.ephemeral).toBe(true);
    expect(past.messages[0]?.content).toMatch(/^Začátek/);
    expect(await database.prisma.exchange.count()).toBe(1);
  });

  it('answers in the interaction’s locale when neither the member nor the town has a language', async () => {
    const german = await h.command({ ...USTI, name: 'town', subcommand: 'info' });
    // The command to start with, as a slash command.
    expectRefusal(
      german,
      'Diese Community hat noch keine Stadt. Ein Server- oder Workspace-Admin beginnt mit: /town register name:… country:… timezone:… language:…',
    );
    const czech = await h.command({ ...USTI, name: 'town', subcommand: 'info', locale: 'cs' });
    expectRefusal(czech, translate('cs', 'town.not-registered', {}, '/'));
    const other = await h.command({ ...USTI, name: 'town', subcommand: 'info', locale: 'pt-BR' });
    expectRefusal(other, translate('en', 'town.not-registered', {}, '/'));
  });

  it('leaves naming coordinators to server admins, privately and naming the permission', async () => {
    // Lena is a plain member of Passau's server (Max owns it).
    const denied = await h.command({
      ...lena,
      name: 'town',
      subcommandGroup: 'coordinator',
      subcommand: 'add',
      options: { user: 'lena' },
    });
    expectRefusal(
      denied,
      '„town coordinator add“ erfordert die Berechtigung „Server verwalten“ (oder „Administrator“) auf diesem Discord-Server. Bitte wenden Sie sich an einen Server-Admin.',
    );
    const lenaId = h.discord.userId('lena');
    const lenaRow = await database.prisma.member.findFirst({ where: { platformUserId: lenaId } });
    expect(lenaRow?.role ?? 'MEMBER').toBe('MEMBER');
  });

  it('denies a member a coordinator command, privately', async () => {
    const denied = await h.command({
      ...lena,
      name: 'event',
      subcommand: 'cancel',
      options: { event: 1 },
    });
    expectRefusal(denied, translate('de', 'permission.coordinator-only', { command: 'event cancel' }));
  });

  it('autocompletes partnerships, exchanges and announcements of the member’s own town', async () => {
    expect(
      await h.autocomplete({
        ...jana,
        name: 'event',
        subcommand: 'create',
        options: { partnership: 'pass' },
        focused: 'partnership',
      }),
    ).toEqual([{ name: '#1 Krumlov – Passau', value: 1 }]);
    expect(await h.autocomplete({ ...lena, name: 'rsvp', options: { event: '' }, focused: 'event' })).toEqual(
      [{ name: '#1 Letní tábor mládeže', value: 1 }],
    );
    expect(
      await h.autocomplete({ ...max, name: 'rsvp', options: { event: 'winter' }, focused: 'event' }),
    ).toEqual([]);
    // A server without a town sees nothing of others' partnerships.
    expect(
      await h.autocomplete({
        ...USTI,
        name: 'event',
        subcommand: 'list',
        options: { partnership: '' },
        focused: 'partnership',
      }),
    ).toEqual([]);
    await h.command({
      ...jana,
      name: 'announce',
      subcommand: 'schedule',
      options: { partnership: 1, text: 'Committee call', cron: '0 9 * * 1' },
    });
    expect(
      await h.autocomplete({
        ...jana,
        name: 'announce',
        subcommand: 'cancel',
        options: { announcement: '' },
        focused: 'announcement',
      }),
    ).toEqual([{ name: '#1 Committee call', value: 1 }]);
  });

  it('autocompletes time zones and countries for a server registering its town, in the member’s language', async () => {
    const register = { ...USTI, name: 'town', subcommand: 'register' };
    expect(
      await h.autocomplete({ ...register, options: { name: 'Ústí', timezone: 'prag' }, focused: 'timezone' }),
    ).toEqual([{ name: 'Europe/Prague', value: 'Europe/Prague' }]);
    // zdeněk's Discord is in German.
    expect(
      await h.autocomplete({ ...register, options: { name: 'Ústí', country: 'tsch' }, focused: 'country' }),
    ).toContainEqual({ name: 'Tschechien (CZ)', value: 'CZ' });
  });

  it('redraws the cards in both servers as cancelled, without buttons, when the exchange is cancelled', async () => {
    await h.command({
      ...jana,
      name: 'event',
      subcommand: 'create',
      options: { partnership: 1, title: 'Adventní trh', kind: 'cultural-event', start: '2026-12-12 15:00' },
    });
    await h.drain();
    const cards = (['partneri', 'partnerstadt'] as const).map((channel) => {
      const guild = channel === 'partneri' ? jana.guild : max.guild;
      const card = h.posts(channel, guild).find((m) => m.embeds[0]?.title === '#2 Adventní trh');
      if (!card) throw new Error(`no card for #2 in #${channel}`);
      expect(buttonIds(card)).not.toEqual([]);
      return { id: card.id, language: channel === 'partneri' ? ('cs' as const) : ('de' as const) };
    });
    const cancelled = await h.command({
      ...jana,
      name: 'event',
      subcommand: 'cancel',
      options: { event: 2 },
    });
    expect(cancelled.ephemeral).toBe(false);
    await h.drain();
    for (const { id, language } of cards) {
      const redrawn = h.discord.message(id) as APIMessage;
      expect(buttonIds(redrawn)).toEqual([]);
      expect(messageText(redrawn)).toContain(
        `${translate(language, 'card.status')}: ${translate(language, 'card.cancelled')}`,
      );
    }
  });

  it('redraws a stale card (the cancellation’s redraw not through yet) without buttons and tells the clicker', async () => {
    await h.command({
      ...jana,
      name: 'event',
      subcommand: 'create',
      options: {
        partnership: 1,
        title: 'Vánoční koncert',
        kind: 'cultural-event',
        start: '2026-12-20 17:00',
      },
    });
    await h.drain();
    const card = h.posts('partnerstadt', max.guild).find((m) => m.embeds[0]?.title === '#3 Vánoční koncert');
    if (!card) throw new Error('no card for #3');
    // The cancellation's redraw of this card fails for now and waits for its retry.
    const editFails = h.discord.failNext(
      { method: 'PATCH', route: `/channels/${h.channel('partnerstadt', max.guild)}/messages/${card.id}` },
      { type: 'server-error', status: 503 },
      100,
    );
    await h.command({ ...jana, name: 'event', subcommand: 'cancel', options: { event: 3 } });
    await h.drain();
    expect(editFails.hits).toBeGreaterThan(0);
    editFails.cancel();

    const click = await h.click(card.id, 'twin:rsvp:going:3', lena.user);
    expect(click.callbackType).toBe(7);
    const redrawn = h.discord.message(card.id) as APIMessage;
    expect(buttonIds(redrawn)).toEqual([]);
    expect(messageText(redrawn)).toContain(
      `${translate('de', 'card.status')}: ${translate('de', 'card.cancelled')}`,
    );
    const notice = click.messages[1];
    expect((notice?.flags ?? 0) & MessageFlags.Ephemeral).toBeTruthy();
    expect(notice?.content).toBe(translate('de', 'event.cancelled', { number: 3 }));
    expect(await database.prisma.rsvp.count({ where: { exchange: { number: 3 } } })).toBe(0);
  });

  it('answers a button this version does not know, and a card clicked where the exchange is unknown', async () => {
    const client = h.adapter.discordClient;
    if (!client) throw new Error('the adapter is not running');
    const legacy = (await client.rest.post(Routes.channelMessages(h.channel('partneri', jana.guild)), {
      body: {
        content: 'Vote for the next exchange',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [{ type: ComponentType.Button, style: 1, custom_id: 'twin:vote:3', label: 'Vote' }],
          },
        ],
      },
    })) as APIMessage;
    const vote = await h.click(legacy.id, 'twin:vote:3', petra.user);
    expectRefusal(vote, 'Toto tlačítko už nefunguje');

    const foreign = (await client.rest.post(Routes.channelMessages(h.channel('partneri', jana.guild)), {
      body: {
        content: 'A card from another installation',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: 3, custom_id: 'twin:rsvp:going:77', label: 'Going' },
            ],
          },
        ],
      },
    })) as APIMessage;
    const unknown = await h.click(foreign.id, 'twin:rsvp:going:77', petra.user);
    expectRefusal(unknown, 'Ve vašich partnerstvích není akce číslo 77. Viz „/event list“.');
    expect(h.discord.message(foreign.id)?.content).toBe('A card from another installation');
  });

  it('answers a command from a direct message: Twinbridge works in servers', async () => {
    const dm = await h.command({ name: 'town', subcommand: 'info', guild: null, user: 'lena', locale: 'de' });
    expectRefusal(dm, 'nicht in Direktnachrichten');
  });

  it('splits a long answer into messages within Discord’s limit, columns in code blocks', async () => {
    const help = await h.command({ ...max, name: 'help' });
    expect(help.messages.length).toBeGreaterThan(1);
    for (const message of help.messages) {
      expect(message.content.length).toBeLessThanOrEqual(2000);
      expect((message.flags ?? 0) & MessageFlags.Ephemeral).toBeTruthy();
      expect(message.content).toMatch(/```\n[\s\S]+\n```$/);
    }
    expect(help.messages[0]?.content.startsWith(translate('de', 'help.heading-slash'))).toBe(true);
    expect(help.text).toContain('/town coordinator add');
    expect(help.text).toContain('/profile show');
    expect(help.text).toContain(translate('de', 'help.footer', { example: '/help command:event create' }));
  });

  it('writes help as Discord’s slash commands: usage with a slash, examples with each option named', async () => {
    const info = await h.command({ ...max, name: 'help', options: { command: 'event info' } });
    expect(info.text).toContain(`${translate('de', 'command.usage', { usage: '/event info event:<Zahl>' })}`);
    const relay = await h.command({ ...max, name: 'help', options: { command: 'channel relay' } });
    expect(relay.text).toContain('/channel relay partnership:1 relay:on');
    expect(relay.text).not.toContain('name:value');
  });

  it('refuses to join a partnership in a channel the bot cannot post in, and the code stays good', async () => {
    const invite = await h.command({
      ...jana,
      name: 'partner',
      subcommand: 'invite',
      options: { partnership: 1 },
    });
    const code = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/.exec(invite.text)?.[0] ?? 'no code';
    await h.command({
      ...USTI,
      name: 'town',
      subcommand: 'register',
      options: { name: 'Ústí nad Labem', country: 'CZ', timezone: 'Europe/Prague', language: 'cs' },
    });
    h.discord.setChannelAccess(h.channel('general', 'Ústí'), 'read-only');
    const refused = await h.command({ ...USTI, name: 'partner', subcommand: 'join', options: { code } });
    // Zdeněk's Discord is in German: that comes before the town's Czech.
    expectRefusal(
      refused,
      'Ich kann in #general nicht posten: es fehlen die Berechtigungen „Nachrichten senden“.',
    );

    h.discord.setChannelAccess(h.channel('general', 'Ústí'), 'full');
    const joined = await h.command({ ...USTI, name: 'partner', subcommand: 'join', options: { code } });
    expect(joined.ephemeral, joined.text).toBe(false);
    expect(joined.text).toContain('Ústí nad Labem');
  });

  it('logged no error', () => {
    expect(h.errors()).toEqual([]);
  });
});
