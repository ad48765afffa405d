import { describe, expect, it } from 'vitest';
import { splitAtLineBreaks, truncate } from './message-text.ts';

describe('truncate', () => {
  it('keeps text that fits and marks a cut within the limit', () => {
    expect(truncate('Passau', 6)).toBe('Passau');
    expect(truncate('Český Krumlov', 6)).toBe('Český…');
    expect(truncate('Český Krumlov', 6)).toHaveLength(6);
  });
});

describe('splitAtLineBreaks', () => {
  it('keeps a text that fits in one part', () => {
    expect(splitAtLineBreaks('a\nb', 3)).toEqual(['a\nb']);
  });

  it('splits at line breaks, each part within the limit', () => {
    expect(splitAtLineBreaks('aaa\nbbb\ncc', 7)).toEqual(['aaa\nbbb', 'cc']);
  });

  it('cuts a line longer than the limit into pieces', () => {
    expect(splitAtLineBreaks('abcdefg\nh', 3)).toEqual(['abc', 'def', 'g\nh']);
  });
});
