import { describe, expect, it } from 'vitest';
import { translate } from '../../core/i18n/translator.ts';
import { plainMentions, type MentionNames } from './plain-mentions.ts';

const names: MentionNames = {
  member: (id) => ({ '111': 'Max' })[id],
  role: (id) => ({ '222': 'Koordinatoren', '900': '@everyone' })[id],
  channel: (id) => ({ '333': 'partnerstadt' })[id],
};

describe('Discord mentions in typed text', () => {
  it('writes members, roles and channels as their names, whichever form the mention has', () => {
    expect(plainMentions('<@111> <@!111> <@&222> <#333> <@&900>', names, 'de')).toBe(
      '@Max @Max @Koordinatoren #partnerstadt @everyone',
    );
  });

  it('writes what Discord did not name as the unknown member, role or channel, in the language given', () => {
    expect(plainMentions('<@444> <@&555> <#666>', names, 'cs')).toBe(
      [
        translate('cs', 'mention.unknown-user'),
        translate('cs', 'mention.unknown-role'),
        translate('cs', 'mention.unknown-channel'),
      ].join(' '),
    );
  });

  it('leaves text that only looks like a mention alone', () => {
    expect(plainMentions('<@max> <#> <t:1700000000:R> <:wave:777> a < b > c', names, 'en')).toBe(
      '<@max> <#> <t:1700000000:R> <:wave:777> a < b > c',
    );
  });
});
