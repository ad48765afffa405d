import { defineCommand } from '../src/core/commands/definition.ts';

export const townRegister = defineCommand({
  path: ['town', 'register'],
  role: 'anyone',
  communityAdmin: true,
  description: {
    en: 'Register the town this community belongs to; you become its coordinator',
    cs: 'Zaregistrovat město této komunity; stanete se jeho koordinátorem',
    de: 'Die Stadt dieser Community registrieren; Sie werden Koordinator',
  },
  options: {
    name: {
      type: 'string',
      required: true,
      maxLength: 100,
      description: { en: 'Town name', cs: 'Název města', de: 'Name der Stadt' },
    },
    country: {
      type: 'string',
      required: true,
      maxLength: 2,
      autocomplete: 'country',
      description: {
        en: 'Country code (ISO 3166-1), e.g. CZ, DE',
        cs: 'Kód země (ISO 3166-1), např. CZ, DE',
        de: 'Ländercode (ISO 3166-1), z. B. CZ, DE',
      },
    },
    timezone: {
      type: 'string',
      required: true,
      maxLength: 64,
      autocomplete: 'timezone',
      description: {
        en: 'Time zone, e.g. Europe/Prague',
        cs: 'Časové pásmo, např. Europe/Prague',
        de: 'Zeitzone, z. B. Europe/Berlin',
      },
    },
    language: {
      type: 'string',
      required: true,
      maxLength: 35,
      description: {
        en: 'Main language code, e.g. cs',
        cs: 'Kód hlavního jazyka, např. cs',
        de: 'Code der Hauptsprache, z. B. de',
      },
    },
  },
  examples: ['town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs'],
});

export const townInfo = defineCommand({
  path: ['town', 'info'],
  role: 'member',
  description: {
    en: 'Show your town, its coordinators and partnerships',
    cs: 'Zobrazit vaše město, jeho koordinátory a partnerství',
    de: 'Ihre Stadt, Koordinatoren und Partnerschaften anzeigen',
  },
  options: {},
});

const coordinatorUser = {
  type: 'user',
  required: true,
  description: { en: 'The person', cs: 'Osoba', de: 'Die Person' },
} as const;

export const townCoordinatorAdd = defineCommand({
  path: ['town', 'coordinator', 'add'],
  role: 'member',
  communityAdmin: true,
  description: {
    en: 'Make someone a coordinator of your town',
    cs: 'Jmenovat někoho koordinátorem vašeho města',
    de: 'Jemanden zum Koordinator Ihrer Stadt machen',
  },
  options: { user: coordinatorUser },
  examples: ['town coordinator add user:@jana'],
});

export const townCoordinatorRemove = defineCommand({
  path: ['town', 'coordinator', 'remove'],
  role: 'member',
  communityAdmin: true,
  description: {
    en: 'Remove a coordinator of your town (the last one stays)',
    cs: 'Odebrat koordinátora vašeho města (poslední zůstává)',
    de: 'Einen Koordinator Ihrer Stadt entfernen (der letzte bleibt)',
  },
  options: { user: coordinatorUser },
});
