import { describe, expect, it } from 'vitest';
import {
  customEmojiKey,
  parseCustomEmoji,
  slackEmojiKey,
  slackEmojiName,
  unicodeEmojiKey,
} from './emoji-names.ts';

describe('emoji across platforms', () => {
  it('reads Slack’s short names, aliases and skin tones as Unicode', () => {
    expect(slackEmojiKey('thumbsup', 'T1')).toBe('👍');
    expect(slackEmojiKey('+1', 'T1')).toBe('👍');
    expect(slackEmojiKey('+1::skin-tone-2', 'T1')).toBe('👍🏻');
    expect(slackEmojiKey('wave::skin-tone-6', 'T1')).toBe('👋🏿');
    expect(slackEmojiKey('heart', 'T1')).toBe('\u2764\uFE0F');
  });

  it('takes a name Slack has no standard emoji for as the workspace’s custom emoji', () => {
    expect(slackEmojiKey('party_parrot', 'T1')).toBe('custom:SLACK:T1:party_parrot');
  });

  it('qualifies Unicode as emoji data writes it, so ❤ and ❤️ are one emoji', () => {
    expect(unicodeEmojiKey('\u2764')).toBe('\u2764\uFE0F');
    expect(unicodeEmojiKey('\u2764\uFE0F')).toBe('\u2764\uFE0F');
    expect(unicodeEmojiKey('🎉')).toBe('🎉');
  });

  it('names an emoji for Slack: standard ones by their first short name, custom ones only at home', () => {
    expect(slackEmojiName('👍', 'T1')).toBe('+1');
    expect(slackEmojiName('👍🏽', 'T1')).toBe('+1::skin-tone-4');
    expect(slackEmojiName('\u2764', 'T1')).toBe('heart');
    expect(slackEmojiName('custom:SLACK:T1:party_parrot', 'T1')).toBe('party_parrot');
    expect(slackEmojiName('custom:SLACK:T1:party_parrot', 'T2')).toBeUndefined();
    expect(slackEmojiName('custom:DISCORD:42:krumlov:123456789012345678', 'T1')).toBeUndefined();
  });

  it('writes and reads custom emoji keys, a Discord id included', () => {
    const key = customEmojiKey('DISCORD', '42', 'krumlov', '123456789012345678');
    expect(key).toBe('custom:DISCORD:42:krumlov:123456789012345678');
    expect(parseCustomEmoji(key)).toEqual({
      platform: 'DISCORD',
      community: '42',
      name: 'krumlov',
      id: '123456789012345678',
    });
    expect(parseCustomEmoji('👍')).toBeUndefined();
  });
});
