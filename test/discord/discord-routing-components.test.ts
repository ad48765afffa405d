// Discord adapter routing, components: autocomplete, the RSVP buttons, and what Twinbridge does not make.
import { Locale } from 'discord.js';
import { describe, expect, it } from 'vitest';

import type { Reply } from '../../src/core/commands/invocation.ts';
import { PASSAU } from './fake-discord-connection.ts';
import { hold } from '../support/fake-inbound-port.ts';
import {
  APPLICATION_COMMAND_AUTOCOMPLETE_RESULT,
  card,
  CHANNEL_MESSAGE_WITH_SOURCE,
  CHOICE_NAME_MAX,
  CHOICES_MAX,
  DEFERRED_UPDATE_MESSAGE,
  EPHEMERAL,
  only,
  PARTNERSTADT,
  useRouting,
  UPDATE_MESSAGE,
} from './discord-routing-fixture.ts';

const routing = useRouting();

describe('autocomplete', () => {
  it('offers the suggestions for the option being typed, integer values as numbers', async () => {
    routing.inbound.suggestions = () => [
      { value: 1, label: '#1 Krumlov – Passau' },
      { value: 2, label: '#2 Passau – Hackney' },
    ];
    const handle = routing.discord.autocomplete({
      name: 'event',
      subcommand: 'create',
      options: { title: 'Besuch' },
      focused: 'partnership',
      typed: 'Kru',
      locale: Locale.Czech,
    });
    await routing.adapter.whenIdle();
    expect(routing.inbound.suggestRequests).toEqual([
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
    routing.inbound.suggestions = () =>
      Array.from({ length: 40 }, (_, i) => ({ value: `Zone/${i}`, label: `${'Zone '.repeat(30)}${i}` }));
    const handle = routing.discord.autocomplete({
      name: 'town',
      subcommand: 'register',
      focused: 'timezone',
      typed: 'Zo',
    });
    await routing.adapter.whenIdle();
    const choices = only(handle.answers()).body?.['choices'] as { name: string; value: string }[];
    expect(choices).toHaveLength(CHOICES_MAX);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(CHOICE_NAME_MAX);
    expect(choices[0]?.value).toBe('Zone/0');
  });

  it('offers nothing for an option without suggestions, and nothing when the lookup fails or is too slow', async () => {
    const plain = routing.discord.autocomplete({
      name: 'event',
      subcommand: 'create',
      focused: 'title',
      typed: 'B',
    });
    await routing.adapter.whenIdle();
    expect(routing.inbound.suggestRequests).toEqual([]);

    routing.inbound.suggestions = () => Promise.reject(new Error('lookup failed'));
    const failing = routing.discord.autocomplete({ name: 'rsvp', focused: 'event', typed: '1' });
    await routing.adapter.whenIdle();
    expect(
      routing.logger.entries.some(
        (e) => e.level === 'warn' && e.message === 'Discord autocomplete lookup failed',
      ),
    ).toBe(true);

    const asked = hold<undefined>();
    routing.inbound.suggestions = () => {
      asked.release(undefined);
      return new Promise(() => undefined);
    };
    const slow = routing.discord.autocomplete({ name: 'rsvp', focused: 'event', typed: '1' });
    await asked.promise;
    // Discord gives autocomplete 3 s; the adapter stops waiting before that.
    expect(routing.timer.armed(2500)).toBe(1);
    routing.timer.fire(2500);
    await routing.adapter.whenIdle();

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
    routing.inbound.card = { ...card, fields: [{ label: 'Plätze', value: '2 von 3 belegt' }] };
    routing.inbound.respond = () => ({ text: 'Sie kommen.', private: true, exchange: card });
    const handle = routing.discord.click({ customId: 'twin:rsvp:maybe:12', message: channelCard });
    await routing.adapter.whenIdle();
    expect(routing.inbound.commands.map((c) => 'command' in c && [c.command, c.options])).toEqual([
      ['rsvp', { event: 12, answer: 'maybe' }],
    ]);
    expect(routing.inbound.cardRequests).toEqual([
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
    routing.inbound.respond = () => ({ text: 'Sie kommen.\n#12 Jugendcamp', private: true, exchange: card });
    const handle = routing.discord.click({
      customId: 'twin:rsvp:going:12',
      message: { id: '4000000000000000002', content: 'alt', flags: EPHEMERAL },
    });
    await routing.adapter.whenIdle();
    expect(routing.inbound.cardRequests).toEqual([]);
    const answer = only(handle.answers());
    expect(answer).toMatchObject({ kind: 'callback', type: UPDATE_MESSAGE });
    expect((answer.body?.['embeds'] as unknown[]).length).toBe(1);
  });

  it('leaves the card alone when the answer was refused and the channel does not show the exchange', async () => {
    routing.inbound.respond = () => ({
      text: 'Veranstaltung #77 gibt es nicht.',
      private: true,
      error: { key: 'event.not-found' },
    });
    const handle = routing.discord.click({ customId: 'twin:rsvp:going:77', message: channelCard });
    await routing.adapter.whenIdle();
    expect(only(handle.answers())).toMatchObject({
      kind: 'callback',
      type: CHANNEL_MESSAGE_WITH_SOURCE,
      body: { content: 'Veranstaltung #77 gibt es nicht.', flags: EPHEMERAL },
    });
  });

  it('defers a slow click as an update, then edits the card in', async () => {
    routing.inbound.card = card;
    const slow = hold<Reply>();
    routing.inbound.respond = () => slow.promise;
    const handle = routing.discord.click({ customId: 'twin:rsvp:no:12', message: channelCard });
    await routing.inbound.commandsReached(1);
    routing.timer.fire(1500);
    slow.release({ text: 'Sie kommen nicht.', private: true, exchange: card });
    await routing.adapter.whenIdle();
    expect(handle.answers().map((a) => [a.kind, a.kind === 'callback' ? a.type : undefined])).toEqual([
      ['callback', DEFERRED_UPDATE_MESSAGE],
      ['edit-original', undefined],
      ['follow-up', undefined],
    ]);
  });

  it('handles clicks on one card one after another, and clicks on other cards meanwhile', async () => {
    routing.inbound.card = card;
    const first = hold<Reply>();
    const requestsSeen: number[] = [];
    routing.inbound.respond = (request) => {
      requestsSeen.push(routing.discord.requests.length);
      if (routing.inbound.commands.length === 1) return first.promise;
      return {
        text: `Antwort ${'command' in request ? String(request.options['answer']) : ''}`,
        private: true,
      };
    };
    const a = routing.discord.click({ customId: 'twin:rsvp:going:12', message: channelCard });
    await routing.inbound.commandsReached(1);
    const b = routing.discord.click({ customId: 'twin:rsvp:no:12', message: channelCard });
    const other = routing.discord.click({
      customId: 'twin:rsvp:maybe:12',
      message: { id: '4000000000000000003' },
    });
    // The click on another card reaches the core while the first card's click is still open.
    await routing.inbound.commandsReached(2);
    expect(routing.inbound.commands.map((c) => 'command' in c && c.options['answer'])).toEqual([
      'going',
      'maybe',
    ]);
    first.release({ text: 'Erste', private: true });
    await routing.adapter.whenIdle();
    // The second click on the first card reached the core only after the first one's redraw went out.
    const firstUpdate = a.answers()[0];
    expect(firstUpdate).toMatchObject({ kind: 'callback', type: UPDATE_MESSAGE });
    expect(requestsSeen[2]).toBeGreaterThan(firstUpdate?.index ?? Infinity);
    for (const handle of [a, b, other]) expect(handle.answers()[0]).toMatchObject({ type: UPDATE_MESSAGE });
  });

  it('answers a button this version does not make, in the reader’s language', async () => {
    routing.inbound.language = 'cs';
    const handle = routing.discord.click({ customId: 'twin:vote:3' });
    await routing.adapter.whenIdle();
    expect(routing.inbound.commands).toEqual([]);
    expect(only(handle.answers()).body).toMatchObject({
      content: 'Toto tlačítko už nefunguje. Aktuální kartu zobrazí /event info.',
      flags: EPHEMERAL,
    });
  });
});

describe('what Twinbridge does not make', () => {
  it('answers a select menu in the interaction’s locale without asking the core', async () => {
    const handle = routing.discord.select({ customId: 'twin:pick', values: ['1'], locale: Locale.EnglishUS });
    await routing.adapter.whenIdle();
    expect(routing.inbound.commands).toEqual([]);
    expect(only(handle.answers()).body).toMatchObject({
      content: 'This button no longer works. Use /event info to get a fresh card.',
      flags: EPHEMERAL,
    });
  });

  it('hands a context-menu command to the core by name, and answers privately', async () => {
    routing.inbound.respond = () => ({
      text: 'Den Befehl „Profil“ kenne ich nicht.',
      private: false,
      error: { key: 'x' },
    });
    const handle = routing.discord.userCommand({ name: 'Profil' });
    await routing.adapter.whenIdle();
    expect(routing.inbound.commands.map((c) => 'command' in c && [c.command, c.options])).toEqual([
      ['Profil', {}],
    ]);
    expect(only(handle.answers()).body).toMatchObject({ flags: EPHEMERAL });
  });
});
