import { defineCommand } from '../src/core/commands/definition.ts';

export const townRegister = defineCommand({
  path: ['town', 'register'],
  role: 'anyone',
  communityAdmin: true,
  description: {
    en: 'Register the town this community belongs to; you become its coordinator',
    cs: 'Zaregistrovat město této komunity; stanete se jeho koordinátorem',
    de: 'Die Stadt dieser Community registrieren; Sie werden Koordinator',
    pl: 'Zarejestruj miasto tej społeczności; zostaniesz jego koordynatorem',
    sk: 'Zaregistrovať mesto tejto komunity; stanete sa jeho koordinátorom',
    fr: 'Enregistrer la ville de cette communauté ; vous en devenez le coordinateur',
  },
  options: {
    name: {
      type: 'string',
      required: true,
      maxLength: 100,
      description: {
        en: 'Town name',
        cs: 'Název města',
        de: 'Name der Stadt',
        pl: 'Nazwa miasta',
        sk: 'Názov mesta',
        fr: 'Nom de la ville',
      },
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
        pl: 'Kod kraju (ISO 3166-1), np. PL, CZ',
        sk: 'Kód krajiny (ISO 3166-1), napr. SK, CZ',
        fr: 'Code du pays (ISO 3166-1), par ex. FR, DE',
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
        pl: 'Strefa czasowa, np. Europe/Warsaw',
        sk: 'Časové pásmo, napr. Europe/Bratislava',
        fr: 'Fuseau horaire, par ex. Europe/Paris',
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
        pl: 'Kod głównego języka, np. pl',
        sk: 'Kód hlavného jazyka, napr. sk',
        fr: 'Code de la langue principale, par ex. fr',
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
    pl: 'Pokaż swoje miasto, jego koordynatorów i partnerstwa',
    sk: 'Zobraziť vaše mesto, jeho koordinátorov a partnerstvá',
    fr: 'Afficher votre ville, ses coordinateurs et ses partenariats',
  },
  options: {},
});

const coordinatorUser = {
  type: 'user',
  required: true,
  description: {
    en: 'The person',
    cs: 'Osoba',
    de: 'Die Person',
    pl: 'Osoba',
    sk: 'Osoba',
    fr: 'La personne',
  },
} as const;

export const townCoordinatorAdd = defineCommand({
  path: ['town', 'coordinator', 'add'],
  role: 'member',
  communityAdmin: true,
  description: {
    en: 'Make someone a coordinator of your town',
    cs: 'Jmenovat někoho koordinátorem vašeho města',
    de: 'Jemanden zum Koordinator Ihrer Stadt machen',
    pl: 'Mianuj kogoś koordynatorem swojego miasta',
    sk: 'Vymenovať niekoho za koordinátora vášho mesta',
    fr: 'Nommer quelqu’un coordinateur de votre ville',
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
    pl: 'Usuń koordynatora swojego miasta (ostatni zostaje)',
    sk: 'Odobrať koordinátora vášho mesta (posledný zostáva)',
    fr: 'Retirer un coordinateur de votre ville (le dernier reste)',
  },
  options: { user: coordinatorUser },
});
