import { describe, expect, it } from 'vitest';
import { tallyElsewhere } from './relay-reactions.ts';

describe('the reactions a side of a relayed message shows', () => {
  const reactions = [
    { linkId: 'slack', emoji: '👍', reactor: 'SLACK:U1' },
    { linkId: 'discord', emoji: '🎉', reactor: 'DISCORD:7' },
    { linkId: 'discord', emoji: '👍', reactor: 'DISCORD:7' },
    { linkId: 'discord-2', emoji: '👍', reactor: 'DISCORD:7' },
    { linkId: 'discord-2', emoji: '👍', reactor: 'DISCORD:8' },
  ];

  it('counts the reactions made on the other sides, each person once, in the order first used', () => {
    expect(tallyElsewhere(reactions, 'slack')).toEqual([
      { emoji: '🎉', count: 1 },
      { emoji: '👍', count: 2 },
    ]);
    expect(tallyElsewhere(reactions, 'discord')).toEqual([{ emoji: '👍', count: 3 }]);
  });

  it('shows nothing where all reactions were made there', () => {
    expect(tallyElsewhere(reactions.slice(0, 1), 'slack')).toEqual([]);
  });
});
