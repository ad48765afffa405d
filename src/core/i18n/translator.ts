import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './catalogs/en.ts';
import { cs } from './catalogs/cs.ts';
import { de } from './catalogs/de.ts';
import { pl } from './catalogs/pl.ts';
import { sk } from './catalogs/sk.ts';
import { fr } from './catalogs/fr.ts';
import type { SupportedLanguage } from './languages.ts';

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number | Date>;
/** Every catalog must have every key the English one has: a missing translation is a compile error. */
export type Catalog = Record<MessageKey, string>;

const catalogs: Record<SupportedLanguage, Catalog> = { en, cs, de, pl, sk, fr };
const compiled = new Map<string, IntlMessageFormat>();

/**
 * Commands the catalogs name inside their texts, as arguments (“{eventList}”), so that each is
 * written as it is typed where the reader is: `commandPrefix` is '' on the console, '/' on
 * Discord, '/twin ' on Slack (commands/command-syntax.ts).
 */
const NAMED_COMMANDS = {
  announceCancel: 'announce cancel',
  channelLink: 'channel link',
  eventCreate: 'event create',
  eventList: 'event list',
  partnerDigest: 'partner digest',
  partnerEdit: 'partner edit',
  partnerHandover: 'partner handover',
  partnerInvite: 'partner invite',
  partnerInvites: 'partner invites',
  partnerJoin: 'partner join',
  partnerList: 'partner list',
  profileForget: 'profile forget',
  townCoordinatorAdd: 'town coordinator add',
  townRegister: 'town register',
} as const;

function namedCommands(commandPrefix: string): Record<keyof typeof NAMED_COMMANDS, string> {
  const entries = Object.entries(NAMED_COMMANDS).map(([name, path]) => [name, `${commandPrefix}${path}`]);
  return Object.fromEntries(entries) as Record<keyof typeof NAMED_COMMANDS, string>;
}

/**
 * Translates one message (ICU MessageFormat: plurals and selects per language); the commands it
 * names are written with `commandPrefix` (the console's bare form by default).
 */
export function translate(
  language: SupportedLanguage,
  key: MessageKey,
  params: MessageParams = {},
  commandPrefix = '',
): string {
  const cacheKey = `${language}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // Messages carry no markup: '<' is literal text, never an ICU tag.
    format = new IntlMessageFormat(catalogs[language][key], language, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return String(format.format({ ...namedCommands(commandPrefix), ...params }));
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translatorFor(language: SupportedLanguage, commandPrefix = ''): Translate {
  return (key, params) => translate(language, key, params, commandPrefix);
}
