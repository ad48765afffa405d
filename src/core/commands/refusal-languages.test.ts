import { describe, expect, it } from 'vitest';
import { RefusalLanguages } from './refusal-languages.ts';

const jana = { platform: 'CONSOLE' as const, communityExternalId: 'krumlov', userId: 'jana' };
const eva = { ...jana, userId: 'eva' };
const max = { platform: 'CONSOLE' as const, communityExternalId: 'passau', userId: 'max' };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 10, minutes));

describe('RefusalLanguages', () => {
  it('remembers a preference for five minutes', () => {
    const languages = new RefusalLanguages();
    languages.remember(jana, { person: 'cs', town: 'cs' }, at(0));
    expect(languages.recall(jana, at(5))).toEqual({ person: 'cs', town: 'cs' });
    expect(languages.recall(jana, at(6))).toBeUndefined();
    expect(languages.recall({ ...jana, platform: 'SLACK' }, at(1))).toBeUndefined();
  });

  it('forgets everyone of one community, and only them', () => {
    const languages = new RefusalLanguages();
    languages.remember(jana, { person: 'cs' }, at(0));
    languages.remember(eva, { town: 'cs' }, at(0));
    languages.remember(max, { town: 'de' }, at(0));
    languages.forgetCommunity({ platform: 'CONSOLE', communityExternalId: 'krumlov' });
    expect(languages.recall(jana, at(1))).toBeUndefined();
    expect(languages.recall(eva, at(1))).toBeUndefined();
    expect(languages.recall(max, at(1))).toEqual({ town: 'de' });
  });

  it('keeps at most 10,000 people, dropping the longest unseen first', () => {
    const languages = new RefusalLanguages();
    languages.remember(jana, { person: 'cs' }, at(0));
    languages.remember(max, { person: 'de' }, at(0));
    languages.remember(jana, { person: 'cs' }, at(1));
    for (let i = 0; i < 9_999; i++) languages.remember({ ...max, userId: `u${i}` }, {}, at(1));
    expect(languages.recall(max, at(1))).toBeUndefined();
    expect(languages.recall(jana, at(1))).toEqual({ person: 'cs' });
  });
});
