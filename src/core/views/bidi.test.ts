import { describe, expect, it } from 'vitest';
import { neutralizeBidi, neutralizeMessage } from './bidi.ts';

describe('bidirectional controls', () => {
  it('removes embeddings, overrides and isolates, each of them', () => {
    for (const control of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(neutralizeBidi(`Camp${String.fromCodePoint(control)} in Bonn`)).toBe('Camp in Bonn');
    }
  });

  it('keeps Arabic and Hebrew text and the direction marks they need', () => {
    const text = 'القدس \u061c2027\u200f · תל אביב\u200e (IL)';
    expect(neutralizeBidi(text)).toBe(text);
  });

  it('cleans the text and every text of the card, and keeps the rest of the message', () => {
    const message = neutralizeMessage({
      text: '\u202eHi',
      values: { invite: 'ABCD' },
      exchange: {
        number: 1,
        title: '\u202eCamp',
        description: 'a\u2067b\u2069',
        status: 'PLANNED' as const,
        startsAt: new Date(0),
        endsAt: new Date(1),
        timeZone: 'Europe/Prague',
        whenText: '\u202dnow',
        fields: [{ label: 'Ort\u202b', value: '\u202aBonn' }],
      },
    });
    expect(message).toEqual({
      text: 'Hi',
      values: { invite: 'ABCD' },
      exchange: {
        number: 1,
        title: 'Camp',
        description: 'ab',
        status: 'PLANNED',
        startsAt: new Date(0),
        endsAt: new Date(1),
        timeZone: 'Europe/Prague',
        whenText: 'now',
        fields: [{ label: 'Ort', value: 'Bonn' }],
      },
    });
  });
});
