import { describe, expect, it } from 'vitest';
import { commandList } from './index.ts';
import { defineCommand } from '../src/core/commands/definition.ts';
import { parseCommandText } from '../src/core/commands/text-syntax.ts';

function parse(input: string) {
  return parseCommandText(input, commandList);
}

describe('parseCommandText', () => {
  it('finds the longest command path and reads key:value options', () => {
    const result = parse('town coordinator add user:@jana');
    expect(result).toMatchObject({
      ok: true,
      value: { definition: { path: ['town', 'coordinator', 'add'] } },
    });
    if (result.ok) expect(result.value.options).toEqual({ user: '@jana' });
  });

  it('reads quoted values with spaces, diacritics and typographic quotes', () => {
    const result = parse(
      '/twin town register name:"Český Krumlov" country:cz timezone:Europe/Prague language:„cs“',
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.options).toEqual({
        name: 'Český Krumlov',
        country: 'cz',
        timezone: 'Europe/Prague',
        language: 'cs',
      });
    }
  });

  it('keeps colons inside values (times, URLs)', () => {
    const result = parse('event create start:2026-06-05T18:00 location:https://meet.example/x title:A');
    expect(result.ok && result.value.options).toEqual({
      start: '2026-06-05T18:00',
      location: 'https://meet.example/x',
      title: 'A',
    });
  });

  it('fills the rest option from bare words (help event create)', () => {
    const result = parse('help event create');
    expect(result.ok && result.value.options).toEqual({ command: 'event create' });
  });

  it('reports unknown commands with suggestions from the same group', () => {
    const result = parse('event explode');
    expect(result).toMatchObject({ ok: false, reason: 'unknown-command', words: ['event', 'explode'] });
    if (!result.ok && result.reason === 'unknown-command') {
      expect(result.suggestions.map((d) => d.path.join(' '))).toContain('event create');
    }
  });

  it.each([
    ['evnet list', 'event list'],
    ['even list', 'event list'],
    ['hlep', 'help'],
    ['event lsit', 'event list'],
    ['town ifno', 'town info'],
    ['chanel link partnership:1', 'channel link'],
    ['info', 'town info, partner info, event info'],
    ['evnt', 'event create, event list, event info, event edit, event cancel, event attendees'],
    ['xylophone', ''],
  ])('suggests for %j the commands meant: %j', (typed, meant) => {
    const result = parse(typed);
    expect(result).toMatchObject({ ok: false, reason: 'unknown-command' });
    if (!result.ok && result.reason === 'unknown-command')
      expect(result.suggestions.map((d) => d.path.join(' ')).join(', ')).toBe(meant);
  });

  it('reports an unclosed quote, a repeated option and a stray word', () => {
    expect(parse('event create title:"Summer')).toMatchObject({ ok: false, reason: 'unclosed-quote' });
    expect(parse('rsvp event:1 event:2')).toMatchObject({
      ok: false,
      reason: 'duplicate-option',
      option: 'event',
    });
    expect(parse('rsvp event:1 going')).toMatchObject({
      ok: false,
      reason: 'unexpected-word',
      word: 'going',
    });
    expect(parse('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('parseCommandText, details of the syntax', () => {
  it('accepts the command with or without /twin, in any case, with any spacing', () => {
    for (const input of [
      '/twin rsvp event:1',
      'twin rsvp event:1',
      '  RSVP\tevent:1  ',
      'TWIN  Rsvp event:1',
    ]) {
      const result = parse(input);
      expect(result.ok && result.value.definition.path, input).toEqual(['rsvp']);
      expect(result.ok && result.value.options, input).toEqual({ event: '1' });
    }
    expect(parse('/twin')).toEqual({ ok: false, reason: 'empty' });
    expect(parse('twinning')).toMatchObject({ ok: false, reason: 'unknown-command', words: ['twinning'] });
  });

  it('lower-cases option names but keeps values as typed', () => {
    const result = parse('event create TITLE:Mixed-Case');
    expect(result.ok && result.value.options).toEqual({ title: 'Mixed-Case' });
  });

  it('keeps an escaped closing quote or backslash inside quotes, and any other backslash as it is', () => {
    const result = parse(
      String.raw`event create title:"The \"Old Mill\"" location:'Jana\'s garden' description:"a\\b c:\temp"`,
    );
    expect(result.ok && result.value.options).toEqual({
      title: 'The "Old Mill"',
      location: "Jana's garden",
      description: String.raw`a\b c:\temp`,
    });
    expect(parse(String.raw`event create title:"open \"`)).toMatchObject({
      ok: false,
      reason: 'unclosed-quote',
    });
  });

  it('reads every kind of quotes, and an empty quoted value', () => {
    const result = parse('event create title:\'a b\' location:‘c d’ description:«e f» kind:“g h” start:""');
    expect(result.ok && result.value.options).toEqual({
      title: 'a b',
      location: 'c d',
      description: 'e f',
      kind: 'g h',
      start: '',
    });
  });

  it('needs the closing quote of the pair that opened', () => {
    expect(parse('event create title:„Summer„')).toMatchObject({ ok: false, reason: 'unclosed-quote' });
    expect(parse('event create title:«Summer»')).toMatchObject({ ok: true });
  });

  it('lets an explicit rest option win over bare words, and leaves it out when there are none', () => {
    const explicit = parse('help event command:rsvp');
    expect(explicit.ok && explicit.value.options).toEqual({ command: 'rsvp' });
    expect(explicit.ok && explicit.value.rest).toEqual(['event']);
    const bare = parse('help');
    expect(bare.ok && bare.value.options).toEqual({});
  });

  it('suggests only commands of the group typed, and none for an unknown group', () => {
    const result = parse('town explode');
    expect(result).toMatchObject({ ok: false, reason: 'unknown-command', words: ['town', 'explode'] });
    if (!result.ok && result.reason === 'unknown-command') {
      expect(result.suggestions.length).toBeGreaterThan(0);
      expect(new Set(result.suggestions.map((d) => d.path[0]))).toEqual(new Set(['town']));
    }
    expect(parse('Weather Today Is Fine')).toMatchObject({
      ok: false,
      reason: 'unknown-command',
      words: ['weather', 'today', 'is'],
      suggestions: [],
    });
  });

  it('reads the options of a three-word command after all three words', () => {
    const result = parse('town coordinator remove user:jana');
    expect(result.ok && result.value.definition.path).toEqual(['town', 'coordinator', 'remove']);
    expect(result.ok && result.value.options).toEqual({ user: 'jana' });
  });
});

describe('parseCommandText, edges', () => {
  it('prefers the longer of two matching paths whatever their order in the list', () => {
    const short = defineCommand({
      path: ['a', 'b'],
      description: { en: 'Short' },
      role: 'anyone',
      options: {},
    });
    const long = defineCommand({
      path: ['a', 'b', 'c'],
      description: { en: 'Long' },
      role: 'anyone',
      options: {},
    });
    for (const definitions of [
      [long, short],
      [short, long],
    ]) {
      const result = parseCommandText('a b c', definitions);
      expect(result.ok && result.value.definition.path).toEqual(['a', 'b', 'c']);
    }
  });

  it('drops twin only as the leading word, and reads command words across several spaces', () => {
    const result = parse('event create title:twin twinning');
    expect(result).toMatchObject({ ok: false, reason: 'unexpected-word', word: 'twinning' });
    const spaced = parse('town  coordinator   add user:x');
    expect(spaced.ok && spaced.value.definition.path).toEqual(['town', 'coordinator', 'add']);
  });
});
