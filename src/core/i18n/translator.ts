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

/** Translates one message (ICU MessageFormat: plurals and selects per language). */
export function translate(language: SupportedLanguage, key: MessageKey, params: MessageParams = {}): string {
  const cacheKey = `${language}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // Messages carry no markup: '<' is literal text, never an ICU tag.
    format = new IntlMessageFormat(catalogs[language][key], language, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return String(format.format(params));
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translatorFor(language: SupportedLanguage): Translate {
  return (key, params) => translate(language, key, params);
}
