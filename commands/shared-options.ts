/** Options that several commands share, so they read and validate the same everywhere. */
import type { IntegerOption, StringOption } from '../src/core/commands/definition.ts';

export const partnershipOption = {
  type: 'integer',
  min: 1,
  autocomplete: 'partnership',
  description: {
    en: 'Partnership number (see partner list)',
    cs: 'Číslo partnerství (viz partner list)',
    de: 'Nummer der Partnerschaft (siehe partner list)',
  },
} as const satisfies IntegerOption;

export const eventOption = {
  type: 'integer',
  min: 1,
  autocomplete: 'exchange',
  description: {
    en: 'Event number (see event list)',
    cs: 'Číslo akce (viz event list)',
    de: 'Nummer der Veranstaltung (siehe event list)',
  },
} as const satisfies IntegerOption;

export const languageTagOption = {
  type: 'string',
  maxLength: 35,
  description: {
    en: 'Language code, e.g. cs, de, en, pl',
    cs: 'Kód jazyka, např. cs, de, en, pl',
    de: 'Sprachcode, z. B. cs, de, en, pl',
  },
} as const satisfies StringOption;

export const timeOption = (description: StringOption['description']) =>
  ({ type: 'string', maxLength: 100, description }) as const satisfies StringOption;
