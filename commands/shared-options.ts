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
    pl: 'Numer partnerstwa (zobacz partner list)',
    sk: 'Číslo partnerstva (pozrite partner list)',
    fr: 'Numéro du partenariat (voir partner list)',
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
    pl: 'Numer wydarzenia (zobacz event list)',
    sk: 'Číslo podujatia (pozrite event list)',
    fr: 'Numéro de l’événement (voir event list)',
  },
} as const satisfies IntegerOption;

export const languageTagOption = {
  type: 'string',
  maxLength: 35,
  description: {
    en: 'Language code, e.g. cs, de, en, pl',
    cs: 'Kód jazyka, např. cs, de, en, pl',
    de: 'Sprachcode, z. B. cs, de, en, pl',
    pl: 'Kod języka, np. pl, cs, de, en',
    sk: 'Kód jazyka, napr. sk, cs, de, en',
    fr: 'Code de langue, par ex. fr, cs, de, en',
  },
} as const satisfies StringOption;

export const timeOption = (description: StringOption['description']) =>
  ({ type: 'string', maxLength: 100, description }) as const satisfies StringOption;
