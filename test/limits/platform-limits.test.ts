/**
 * The longest texts the command definitions allow, in the longest card the views build, stay
 * within each platform's documented limits, cut visibly with "…" where they must be cut.
 *
 * Discord (discord.com/developers/docs/resources/message#create-message and
 * …/resources/message#embed-object-embed-limits): content 2,000 characters; embed title 256,
 * description 4,096, up to 25 fields with name 256 and value 1,024, 6,000 characters in all.
 * Slack (docs.slack.dev/reference/block-kit/blocks): header text 150, section text 3,000, a
 * section's fields at most 10 of 2,000 each, at most 50 blocks a message; chat.postMessage
 * truncates `text` at 40,000 characters (docs.slack.dev/reference/methods/chat.postMessage).
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { StringOption } from '../../src/core/commands/definition.ts';
import type { Exchange, Rsvp, Town } from '../../src/core/domain/model.ts';
import { buildExchangeCard } from '../../src/core/views/exchange-view.ts';
import * as discord from '../../src/adapters/discord/discord-messages.ts';
import * as slack from '../../src/adapters/slack/block-kit.ts';

const longest = (option: unknown, character = 'ž') => character.repeat((option as StringOption).maxLength);
const create = commands['event.create'].options;

/** 40 partner towns with the longest names, every one with members going. */
const towns: Town[] = Array.from({ length: 40 }, (_, i) => ({
  id: `t${i}`,
  name: `${i} ${longest(commands['town.register'].options.name, 'ł')}`.slice(0, 100),
  country: 'CZ',
  timeZone: i === 0 ? 'Asia/Jerusalem' : 'Europe/Prague',
  language: 'cs',
  communityId: `c${i}`,
}));
const exchange: Exchange = {
  id: 'e1',
  number: 123456,
  partnershipId: 'p1',
  hostTownId: 't0',
  kind: 'YOUTH_EXCHANGE',
  // Escaping turns each < and & into four or five characters on Slack.
  title: longest(create.title, '<'),
  description: longest(create.description, '&'),
  startsAt: new Date('2027-07-06T08:00:00Z'),
  endsAt: new Date('2027-07-10T14:00:00Z'),
  timeZone: 'Asia/Jerusalem',
  location: longest(create.location, '>'),
  capacity: 100000,
  status: 'PLANNED',
  createdById: 'm1',
};
const rsvps: Rsvp[] = towns.map((town, i) => ({
  id: `r${i}`,
  exchangeId: 'e1',
  memberId: `m${i}`,
  townId: town.id,
  status: i % 3 === 0 ? 'MAYBE' : 'GOING',
  guests: 20,
  queuedAt: new Date(0),
}));
const card = buildExchangeCard({
  exchange,
  towns,
  rsvps,
  reader: { language: 'cs', timeZone: 'Europe/Prague' },
  now: new Date('2027-01-01T00:00:00Z'),
});
const headline = `Nová akce (pořadatel: ${towns[0]?.name ?? ''}):`;
const announcement = longest(commands['announce.send'].options.text, '&');

describe('Discord limits', () => {
  it('keeps the card embed within every limit, cutting the list of towns visibly', () => {
    const body = discord.renderOutgoing({ text: `${headline}\n…`, exchange: card });
    expect(body.content.length).toBeLessThanOrEqual(2000);
    const [embed] = body.embeds;
    if (!embed) throw new Error('no embed');
    expect(embed.title?.length).toBeLessThanOrEqual(256);
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    // The description fits whole beside everything else.
    expect(embed.description?.endsWith(exchange.description)).toBe(true);
    expect(embed.fields?.length).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    const perTown = embed.fields?.find((f) => f.name === 'Účast podle měst');
    expect(perTown?.value.length).toBe(1024);
    expect(perTown?.value.endsWith('…')).toBe(true);
    const total =
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });

  it('posts the longest announcement whole, and splits a long answer into messages of 2,000', () => {
    expect(discord.renderOutgoing({ text: announcement }).content).toBe(announcement);
    const answer = Array.from({ length: 300 }, (_, i) => `#${i} ${'Ř'.repeat(60)}`).join('\n');
    const messages = discord.renderReply({ text: answer, private: true }, { withCard: false });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(messages.map((m) => m.content).join('\n')).toBe(answer);
  });
});

describe('Slack limits', () => {
  it('keeps the card blocks within every limit, cutting visibly and never inside an escape', () => {
    const body = slack.renderOutgoing({ text: `${headline}\n…`, exchange: card });
    const blocks = body.blocks ?? [];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(body.text.length).toBeLessThanOrEqual(40_000);
    for (const block of blocks) {
      if (block.type === 'header') {
        expect(block.text.text.length).toBeLessThanOrEqual(150);
        expect(block.text.text.endsWith('…')).toBe(true);
      }
      if (block.type !== 'section') continue;
      if (block.text) {
        expect(block.text.text.length).toBeLessThanOrEqual(3000);
        expect(block.text.text).not.toMatch(/&[a-z]{0,3}…$/);
      }
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
    const description = blocks.at(-2);
    expect(description?.type === 'section' && description.text?.text.endsWith('&amp;…')).toBe(true);
  });

  it('posts the longest announcement whole although escaping makes it longer than 3,000', () => {
    const body = slack.renderOutgoing({ text: announcement });
    expect(body.text).toBe('&amp;'.repeat(2000));
    expect(body.text.length).toBe(10_000);
  });

  it('cuts an answer longer than a message may be at 40,000, visibly', () => {
    const body = slack.renderReply({ text: '<'.repeat(20_000), private: true });
    expect(body.text.length).toBeLessThanOrEqual(40_000);
    expect(body.text.endsWith('&lt;…')).toBe(true);
  });
});
