import { describe, expect, it } from 'vitest';
import { commandList } from './index.ts';
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
