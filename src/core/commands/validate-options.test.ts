/**
 * Characters that must not reach the database or the platforms: refused by the validator with
 * the option's name, before any handler runs (the rest of the validator: commands/validate-options.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.ts';
import { translate } from '../i18n/translator.ts';
import { defineCommand } from './definition.ts';
import { validateOptions } from './validate-options.ts';

const note = defineCommand({
  path: ['note'],
  description: { en: 'A test command' },
  role: 'anyone',
  options: {
    title: { type: 'string', maxLength: 50, description: { en: 'One line' } },
    body: { type: 'string', maxLength: 50, multiline: true, description: { en: 'Several lines' } },
    tags: { type: 'list', maxItems: 3, itemMaxLength: 10, description: { en: 'Tags' } },
    who: { type: 'user', description: { en: 'Someone' } },
  },
});

function refusal(raw: Record<string, unknown>): { key: string; params: Record<string, unknown> } {
  try {
    validateOptions(note, raw);
  } catch (error) {
    if (error instanceof UserError) return { key: error.key, params: error.params };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('control characters in text options', () => {
  it('refuses a NUL byte anywhere in a text, naming the option and the character', () => {
    expect(refusal({ title: 'Summer\u0000camp' })).toEqual({
      key: 'validation.control-character',
      params: { option: 'title', character: 'U+0000' },
    });
    expect(refusal({ body: 'line\u0000' })).toEqual({
      key: 'validation.control-character',
      params: { option: 'body', character: 'U+0000' },
    });
    expect(refusal({ tags: 'choir,br\u0000ass' }).params).toEqual({ option: 'tags', character: 'U+0000' });
    expect(refusal({ who: 'jana\u0000' }).params).toEqual({ option: 'who', character: 'U+0000' });
    expect(refusal({ who: { id: 'U1\u0000' } }).params).toEqual({ option: 'who', character: 'U+0000' });
  });

  it.each([
    ['\u0001', 'U+0001'],
    ['\u0008', 'U+0008'],
    ['\u000b', 'U+000B'],
    ['\u001b', 'U+001B'],
    ['\u007f', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\u009f', 'U+009F'],
    ['\ud800', 'U+D800'],
    ['\udfff', 'U+DFFF'],
  ])('refuses %j in one line and in several', (character, code) => {
    expect(refusal({ title: `a${character}b` }).params).toEqual({ option: 'title', character: code });
    expect(refusal({ body: `a${character}b` }).params).toEqual({ option: 'body', character: code });
  });

  it('keeps tabs and line breaks where an option takes several lines, and refuses them elsewhere', () => {
    expect(validateOptions(note, { body: 'Programme:\n\t10:00 arrival\r\n\t12:00 lunch\rend' })).toEqual({
      body: 'Programme:\n\t10:00 arrival\n\t12:00 lunch\nend',
    });
    expect(refusal({ title: 'two\nlines' })).toEqual({
      key: 'validation.line-break',
      params: { option: 'title' },
    });
    expect(refusal({ title: 'car\rriage' }).key).toBe('validation.line-break');
    expect(refusal({ title: 'a\tb' }).params).toEqual({ option: 'title', character: 'U+0009' });
  });

  it('accepts every other character, emoji and right-to-left scripts included', () => {
    const text = 'Kraków – Ústí 🎻 תל אביב القدس ‏x';
    expect(validateOptions(note, { title: text, tags: 'ß,ř' })).toEqual({ title: text, tags: ['ß', 'ř'] });
  });

  it('explains the refusal in every language', () => {
    expect(translate('en', 'validation.control-character', { option: 'title', character: 'U+0000' })).toBe(
      '“title” contains an invisible control character (U+0000) that cannot be stored or posted: remove it.',
    );
    expect(translate('cs', 'validation.control-character', { option: 'title', character: 'U+0000' })).toBe(
      'Hodnota „title“ obsahuje neviditelný řídicí znak (U+0000), který nelze uložit ani zveřejnit: odstraňte ho.',
    );
    expect(translate('de', 'validation.line-break', { option: 'title' })).toBe(
      '„title“ muss einzeilig sein: Entfernen Sie den Zeilenumbruch.',
    );
  });
});
