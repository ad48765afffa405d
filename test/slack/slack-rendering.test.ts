/** Slack text in and out, Block Kit cards, modal values and errors, and Web API error meanings. */
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import {
  exchangeBlocks,
  headlineFromBlocks,
  parseRsvpActionId,
  renderOutgoing,
  renderReply,
  slackDate,
  tableAware,
} from '../../src/adapters/slack/block-kit.ts';
import { fieldErrors, submittedOptions } from '../../src/adapters/slack/command-modal.ts';
import { classifySlackError } from '../../src/adapters/slack/slack-errors.ts';
import {
  channelsWithoutName,
  decodeSlackText,
  mentionedInText,
  plainMentions,
  stripLeadingMention,
} from '../../src/adapters/slack/slack-text.ts';
import type { ExchangeCard } from '../../src/core/views/exchange-card.ts';
import { exchangeCardText } from '../../src/core/views/exchange-card.ts';

const card: ExchangeCard = {
  number: 7,
  title: 'Summer <camp> & more',
  description: 'Bring boots',
  status: 'PLANNED',
  startsAt: new Date('2027-07-06T08:00:00Z'),
  endsAt: new Date('2027-07-10T14:00:00Z'),
  timeZone: 'Europe/Prague',
  whenText: 'Tue 6 Jul 2027, 10:00 – Sat 10 Jul 2027, 16:00 CEST (Europe/Prague)',
  fields: [
    { label: 'Host', value: 'Český Krumlov (CZ)' },
    { label: 'Places', value: '2 of 3 taken' },
  ],
  rsvpButtons: { going: 'Going', maybe: 'Maybe', no: 'Not going' },
};

describe('Slack text', () => {
  it('turns Slack’s escaped command text into what the parser reads', () => {
    expect(decodeSlackText('town coordinator add user:<@U0042|petra>')).toBe(
      'town coordinator add user:<@U0042|petra>',
    );
    expect(decodeSlackText('partner edit partnership:1 agreement-url:<https://example.org/a.pdf>')).toBe(
      'partner edit partnership:1 agreement-url:https://example.org/a.pdf',
    );
    expect(decodeSlackText('event create title:"Fish &amp; chips &lt;3" location:<#C0001|partneri>')).toBe(
      'event create title:"Fish & chips <3" location:#partneri',
    );
    expect(decodeSlackText('announce send text:"<!here> hello"')).toBe('announce send text:"@here hello"');
    expect(stripLeadingMention('<@U0001BOT> event list')).toBe('event list');
  });

  it('writes members mentioned in free text as names, and keeps the mention a user option needs', () => {
    const text = 'town coordinator add user:<@U0042> title:"Díky <@U0042>, <@W0007|petr> a <@U0099>"';
    expect(mentionedInText(text)).toEqual(['U0042', 'U0099']);
    const names = new Map([
      ['U0042', 'Jana Nováková'],
      ['U0099', 'Max'],
    ]);
    expect(plainMentions(text, names, '@unknown user')).toBe(
      'town coordinator add user:<@U0042> title:"Díky @Jana Nováková, @petr a @Max"',
    );
    expect(plainMentions('user:"<@U0042|jana>" text:<@U0042>', new Map(), '@neznámý uživatel')).toBe(
      'user:"<@U0042|jana>" text:@neznámý uživatel',
    );
  });

  it('writes channels mentioned without a name as the name looked up, or as the unknown channel', () => {
    const text = 'announce send text:"see <#C0001>, <#C0002|>, <#C0003|partneri> and <#C0004>"';
    expect(channelsWithoutName(text)).toEqual(['C0001', 'C0002', 'C0004']);
    const channels = { names: new Map([['C0001', 'general']]), unknown: '#unbekannter Kanal' };
    expect(decodeSlackText(text, channels)).toBe(
      'announce send text:"see #general, #unbekannter Kanal, #partneri and #unbekannter Kanal"',
    );
  });
});

describe('Block Kit cards', () => {
  it('writes times as date tokens with a fallback in the card’s zone', () => {
    const unix = Date.UTC(2027, 6, 6, 8) / 1000;
    expect(slackDate(card.startsAt, card.timeZone)).toBe(
      `<!date^${unix}^{date_short_pretty} {time}|06/07/2027, 10:00 (Europe/Prague)>`,
    );
  });

  it('renders the card with headline, escaped fields and RSVP buttons that carry the number', () => {
    const blocks = exchangeBlocks(card, 'New event hosted by Český Krumlov:');
    expect(blocks.map((b) => b.type)).toEqual([
      'section',
      'header',
      'section',
      'section',
      'section',
      'actions',
    ]);
    const json = JSON.stringify(blocks);
    expect(json).toContain('Summer <camp> & more'); // header is plain text
    expect(json).toContain('*Host*\\nČeský Krumlov (CZ)');
    expect(headlineFromBlocks(blocks)).toBe('New event hosted by Český Krumlov:');
    const actions = blocks.at(-1);
    expect(actions).toMatchObject({
      type: 'actions',
      elements: [
        { action_id: 'twin_rsvp:going:7', style: 'primary', text: { text: 'Going' } },
        { action_id: 'twin_rsvp:maybe:7' },
        { action_id: 'twin_rsvp:no:7' },
      ],
    });
    expect(parseRsvpActionId('twin_rsvp:maybe:7')).toEqual({ answer: 'maybe', exchange: 7 });
    expect(parseRsvpActionId('twin_rsvp:later:7')).toBeNull();
  });

  it('leaves the buttons off a closed exchange, and escapes the fallback text', () => {
    const { rsvpButtons: _closed, ...cancelled } = card;
    expect(exchangeBlocks({ ...cancelled, status: 'CANCELLED' }).some((b) => b.type === 'actions')).toBe(
      false,
    );
    const message = renderOutgoing({ text: `Changed:\n${exchangeCardText(card)}`, exchange: card });
    expect(message.text).toContain('Summer &lt;camp&gt; &amp; more');
    expect(headlineFromBlocks(message.blocks)).toBe('Changed:');
  });

  it('shows a private answer’s headline alone when the card is elsewhere', () => {
    const reply = { text: `You are going.\n${exchangeCardText(card)}`, private: true, exchange: card };
    expect(renderReply(reply, { withCard: false })).toEqual({ text: 'You are going.' });
    expect(renderReply(reply).blocks?.length).toBeGreaterThan(3);
    expect(renderReply({ text: 'Usage: rsvp event:<number>', private: true })).toEqual({
      text: 'Usage: rsvp event:&lt;number&gt;',
    });
  });
});

describe('the command modal', () => {
  const definition = commands['event.create'];

  it('reads submitted inputs as typed option values, leaving empty ones out', () => {
    expect(
      submittedOptions(definition, {
        partnership: { value: { type: 'static_select', selected_option: { value: '1' } } },
        title: { value: { type: 'plain_text_input', value: 'Camp' } },
        start: { value: { type: 'plain_text_input', value: 'tomorrow 18:00' } },
        end: { value: { type: 'plain_text_input', value: null } },
        capacity: { value: { type: 'number_input', value: '' } },
        unknown: { value: { type: 'plain_text_input', value: 'ignored' } },
      }),
    ).toEqual({ partnership: '1', title: 'Camp', start: 'tomorrow 18:00' });
  });

  it('puts a refusal on its field, first line only, and not when no field fits', () => {
    const reply = (key: string, option?: string) => ({
      text: 'Something is wrong.\nUsage: event create …',
      private: true,
      error: { key, ...(option ? { option } : {}) },
    });
    expect(fieldErrors(definition, reply('validation.too-long', 'title'))).toEqual({
      title: 'Something is wrong.',
    });
    expect(fieldErrors(definition, reply('event.end-before-start'))).toEqual({ end: 'Something is wrong.' });
    expect(fieldErrors(definition, reply('permission.coordinator-only'))).toBeNull();
    expect(fieldErrors(definition, reply('validation.invalid', 'reason'))).toBeNull();
    expect(fieldErrors(definition, { text: 'ok', private: false })).toBeNull();
  });
});

describe('Slack Web API errors', () => {
  it('tells broken channels, rate limits, unknown outcomes and bugs apart', () => {
    const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });
    for (const error of ['not_in_channel', 'channel_not_found', 'is_archived', 'token_revoked']) {
      expect(classifySlackError(platform(error))).toMatchObject({
        result: { retryable: false, channelBroken: true, reason: error },
        certain: true,
      });
    }
    expect(classifySlackError({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 })).toMatchObject({
      result: { retryable: true, retryAfterMs: 7000 },
      certain: true,
      rateLimitedMs: 7000,
    });
    expect(classifySlackError({ code: 'slack_webapi_http_error', statusCode: 503 })).toMatchObject({
      result: { retryable: true },
      certain: false,
    });
    expect(classifySlackError({ code: 'slack_webapi_http_error', statusCode: 400 })).toMatchObject({
      result: { retryable: false },
    });
    expect(classifySlackError(platform('internal_error'))).toMatchObject({
      result: { retryable: true },
      certain: false,
    });
    expect(classifySlackError(platform('invalid_blocks'))).toMatchObject({
      result: { retryable: false },
      code: 'invalid_blocks',
    });
    expect(classifySlackError(new Error('socket hang up'))).toMatchObject({
      result: { retryable: true, reason: 'socket hang up' },
      certain: false,
    });
  });
});

describe('answers laid out in columns', () => {
  it('go into a code block after their first line', () => {
    expect(tableAware('Commands:\n  town info      Show your town\n  help           List')).toBe(
      'Commands:\n```  town info      Show your town\n  help           List```',
    );
    expect(tableAware('Noted: going.\n  #1 Camp')).toBe('Noted: going.\n  #1 Camp');
  });
});
