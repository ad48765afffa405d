import { describe, expect, it } from 'vitest';
import { commands } from './index.ts';
import { UserError } from '../src/core/errors.ts';
import { defineCommand } from '../src/core/commands/definition.ts';
import { validateOptions } from '../src/core/commands/validate-options.ts';

function rejection(run: () => unknown): { key: string; params: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return { key: error.key, params: error.params };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('validateOptions', () => {
  it('coerces text into typed arguments', () => {
    expect(validateOptions(commands.rsvp, { event: '12', answer: 'Going', guests: '2' })).toEqual({
      event: 12,
      answer: 'going',
      guests: 2,
    });
    expect(validateOptions(commands['profile.set'], { languages: 'cs, de ,en' })).toEqual({
      languages: ['cs', 'de', 'en'],
    });
    expect(validateOptions(commands['town.coordinator.add'], { user: '<@U123|jana>' })).toEqual({
      user: { id: 'U123' },
    });
  });

  it('names the option that is missing, unknown, too long, negative or not a number', () => {
    expect(rejection(() => validateOptions(commands.rsvp, { answer: 'going' }))).toEqual({
      key: 'validation.missing-option',
      params: { option: 'event' },
    });
    expect(
      rejection(() => validateOptions(commands.rsvp, { event: '1', answer: 'going', colour: 'red' })).key,
    ).toBe('validation.unknown-option');
    expect(
      rejection(() =>
        validateOptions(commands['event.create'], {
          partnership: '1',
          title: 'x'.repeat(10_000),
          kind: 'youth-exchange',
          start: 'tomorrow 18:00',
        }),
      ),
    ).toEqual({ key: 'validation.too-long', params: { option: 'title', max: 200 } });
    expect(
      rejection(() =>
        validateOptions(commands['event.create'], {
          partnership: '1',
          title: 'Camp',
          kind: 'youth-exchange',
          start: 'tomorrow 18:00',
          capacity: '-5',
        }),
      ),
    ).toEqual({ key: 'validation.too-small', params: { option: 'capacity', min: 1 } });
    expect(rejection(() => validateOptions(commands.rsvp, { event: 'abc', answer: 'going' })).key).toBe(
      'validation.not-a-whole-number',
    );
    expect(rejection(() => validateOptions(commands.rsvp, { event: '1', answer: 'perhaps' }))).toEqual({
      key: 'validation.not-a-choice',
      params: { option: 'answer', choices: 'going, maybe, no' },
    });
  });
});

/** One option of each kind, written here so the checks do not depend on commands/. */
const sample = defineCommand({
  path: ['sample'],
  description: { en: 'Sample' },
  role: 'anyone',
  options: {
    note: { type: 'string', maxLength: 5, description: { en: 'Note' } },
    code: { type: 'string', minLength: 3, maxLength: 8, description: { en: 'Code' } },
    count: { type: 'integer', min: 0, max: 3, description: { en: 'Count' } },
    free: { type: 'integer', description: { en: 'Any whole number' } },
    flag: { type: 'boolean', description: { en: 'Flag' } },
    size: {
      type: 'choice',
      choices: [
        { value: 'extra-large', label: { en: 'Extra large' } },
        { value: 'small', label: { en: 'Small' } },
      ],
      description: { en: 'Size' },
    },
    tags: { type: 'list', maxItems: 2, itemMaxLength: 4, description: { en: 'Tags' } },
    who: { type: 'user', description: { en: 'Who' } },
  },
});

function valid(raw: Record<string, unknown>): Record<string, unknown> {
  return validateOptions(sample, raw);
}

describe('validateOptions, option by option', () => {
  it('trims text and refuses text that is empty once trimmed or below its minimum length', () => {
    expect(valid({ note: '  hi  ' })).toEqual({ note: 'hi' });
    expect(rejection(() => valid({ note: '   ' }))).toEqual({
      key: 'validation.empty',
      params: { option: 'note' },
    });
    expect(rejection(() => valid({ code: 'ab' })).key).toBe('validation.empty');
    expect(valid({ code: 'abc' })).toEqual({ code: 'abc' });
    expect(valid({ note: 'abcde' })).toEqual({ note: 'abcde' });
    expect(rejection(() => valid({ note: 'abcdef' }))).toEqual({
      key: 'validation.too-long',
      params: { option: 'note', max: 5 },
    });
  });

  it('treats an absent, null or empty value as not given', () => {
    expect(valid({ note: '', count: null, flag: undefined })).toEqual({});
  });

  it('reads whole numbers within their bounds, and blank text as no number', () => {
    expect(valid({ count: ' 3 ' })).toEqual({ count: 3 });
    expect(valid({ count: 0 })).toEqual({ count: 0 });
    expect(valid({ free: '-40' })).toEqual({ free: -40 });
    expect(rejection(() => valid({ count: '4' }))).toEqual({
      key: 'validation.too-large',
      params: { option: 'count', max: 3 },
    });
    expect(rejection(() => valid({ count: '-1' }))).toEqual({
      key: 'validation.too-small',
      params: { option: 'count', min: 0 },
    });
    expect(rejection(() => valid({ count: '1.5' }))).toEqual({
      key: 'validation.not-a-whole-number',
      params: { option: 'count' },
    });
    expect(rejection(() => valid({ count: '  ' })).key).toBe('validation.not-a-whole-number');
  });

  it('reads yes and no in every catalog language, in any case', () => {
    for (const word of ['true', 'Yes', 'y', '1', 'ANO', 'ja', 'Tak', 'áno', 'oui', 'on', ' yes ']) {
      expect(valid({ flag: word }), word).toEqual({ flag: true });
    }
    for (const word of ['false', 'No', 'n', '0', 'ne', 'Nein', 'nie', 'NON', 'off']) {
      expect(valid({ flag: word }), word).toEqual({ flag: false });
    }
    expect(valid({ flag: false })).toEqual({ flag: false });
    expect(rejection(() => valid({ flag: 'perhaps' }))).toEqual({
      key: 'validation.not-yes-no',
      params: { option: 'flag' },
    });
  });

  it('matches choices whatever the case, with underscores for dashes', () => {
    expect(valid({ size: ' EXTRA_LARGE ' })).toEqual({ size: 'extra-large' });
    expect(rejection(() => valid({ size: 'huge' }))).toEqual({
      key: 'validation.not-a-choice',
      params: { option: 'size', choices: 'extra-large, small' },
    });
    expect(rejection(() => valid({ size: 5 })).key).toBe('validation.not-a-choice');
  });

  it('splits lists on commas, drops blanks, and holds their count to the limit', () => {
    expect(valid({ tags: ' a, ,b ,' })).toEqual({ tags: ['a', 'b'] });
    expect(valid({ tags: ['x'] })).toEqual({ tags: ['x'] });
    expect(rejection(() => valid({ tags: 'a,b,c' }))).toEqual({
      key: 'validation.too-many-items',
      params: { option: 'tags', max: 2 },
    });
    expect(rejection(() => valid({ tags: 'a,toolong' }))).toEqual({
      key: 'validation.item-too-long',
      params: { option: 'tags', max: 4 },
    });
    expect(rejection(() => valid({ tags: ' , ' }))).toEqual({
      key: 'validation.empty',
      params: { option: 'tags' },
    });
  });

  it('reads users from Discord and Slack mentions and from console names', () => {
    expect(valid({ who: '<@123456>' })).toEqual({ who: { id: '123456' } });
    expect(valid({ who: ' <@!123456> ' })).toEqual({ who: { id: '123456' } });
    expect(valid({ who: '<@U0ABC|jana>' })).toEqual({ who: { id: 'U0ABC' } });
    expect(valid({ who: ' @jana ' })).toEqual({ who: { id: 'jana' } });
    expect(valid({ who: 'x<@123>' })).toEqual({ who: { id: 'x<@123>' } });
    expect(valid({ who: '<@123>x' })).toEqual({ who: { id: '<@123>x' } });
    expect(valid({ who: { id: 'D1' } })).toEqual({ who: { id: 'D1' } });
    expect(rejection(() => valid({ who: '@' }))).toEqual({
      key: 'validation.empty',
      params: { option: 'who' },
    });
  });

  it('lists the known options when an unknown one is given, the one meant if one is near, or a dash when there are none', () => {
    expect(rejection(() => valid({ colour: 'red' }))).toEqual({
      key: 'validation.unknown-option',
      params: { option: 'colour', known: 'note, code, count, free, flag, size, tags, who' },
    });
    expect(rejection(() => valid({ coutn: '2' }))).toEqual({
      key: 'validation.unknown-option-suggested',
      params: {
        option: 'coutn',
        suggestion: 'count',
        known: 'note, code, count, free, flag, size, tags, who',
      },
    });
    // Two options as near as each other (code, note): neither is suggested.
    expect(rejection(() => valid({ cote: '2' })).key).toBe('validation.unknown-option');
    const bare = defineCommand({ path: ['bare'], description: { en: 'Bare' }, role: 'anyone', options: {} });
    expect(rejection(() => validateOptions(bare, { x: '1' })).params).toEqual({ option: 'x', known: '—' });
  });

  it('refuses a value of the wrong type for text', () => {
    expect(rejection(() => valid({ note: 42 }))).toEqual({
      key: 'validation.invalid',
      params: { option: 'note' },
    });
  });
});
