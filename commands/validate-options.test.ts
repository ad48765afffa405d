import { describe, expect, it } from 'vitest';
import { commands } from './index.ts';
import { UserError } from '../src/core/errors.ts';
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
