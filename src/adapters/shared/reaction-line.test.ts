import { describe, expect, it } from 'vitest';
import { countLine, currentCountLine, neededLine, withCountLine, type LineStyle } from './reaction-line.ts';

const SUBTEXT: LineStyle = { open: '-# ', close: '', maxLength: 40 };

describe('the count line of a relayed message’s reactions', () => {
  it('lists each emoji with its count, a custom one by its name', () => {
    expect(
      countLine([
        { emoji: '👍', count: 3 },
        { emoji: 'custom:SLACK:T1:party_parrot', count: 1 },
      ]),
    ).toBe('👍 3 · :party_parrot: 1');
  });

  it('is needed only when the bot’s reactions would misstate them', () => {
    const native = (emoji: string) => !emoji.startsWith('custom:');
    expect(neededLine([{ emoji: '👍', count: 1 }], native)).toBeUndefined();
    expect(
      neededLine(
        [
          { emoji: '👍', count: 1 },
          { emoji: '🎉', count: 2 },
        ],
        native,
      ),
    ).toBe('👍 1 · 🎉 2');
    expect(neededLine([{ emoji: 'custom:SLACK:T1:party_parrot', count: 1 }], native)).toBe(
      ':party_parrot: 1',
    );
    expect(neededLine([], native)).toBeUndefined();
  });

  it('replaces the copy’s line, or takes it off, and leaves a member’s own small print alone', () => {
    expect(withCountLine('Ahoj!', '👍 2', SUBTEXT)).toBe('Ahoj!\n-# 👍 2');
    expect(withCountLine('Ahoj!\n-# 👍 2', '👍 3 · 🎉 1', SUBTEXT)).toBe('Ahoj!\n-# 👍 3 · 🎉 1');
    expect(withCountLine('Ahoj!\n-# 👍 2', undefined, SUBTEXT)).toBe('Ahoj!');
    expect(withCountLine('Ahoj!\n-# psst', '👍 2', SUBTEXT)).toBe('Ahoj!\n-# psst\n-# 👍 2');
    expect(currentCountLine('Ahoj!\n-# 👍 3 · 🎉 1', SUBTEXT)).toBe('👍 3 · 🎉 1');
    expect(currentCountLine('Ahoj!\n-# psst', SUBTEXT)).toBeUndefined();
  });

  it('shortens the text to make room within the platform’s limit', () => {
    const long = 'x'.repeat(40);
    const shown = withCountLine(long, '👍 2', SUBTEXT);
    expect(shown.length).toBeLessThanOrEqual(40);
    expect(shown.endsWith('…\n-# 👍 2')).toBe(true);
  });

  it('reads Slack’s italics as the line', () => {
    const italic: LineStyle = { open: '_', close: '_', maxLength: 40_000 };
    expect(withCountLine('Servus!\n_:krumlov: 1_', ':krumlov: 2', italic)).toBe('Servus!\n_:krumlov: 2_');
  });
});
