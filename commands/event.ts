import { choiceOptionOf, defineCommand } from '../src/core/commands/definition.ts';
import type { IntegerOption, StringOption } from '../src/core/commands/definition.ts';
import { exchangeKinds } from '../src/core/domain/vocabularies.ts';
import { eventOption, partnershipOption, timeOption } from './shared-options.ts';

export const exchangeKindOption = choiceOptionOf(exchangeKinds, {
  en: 'Kind of event',
  cs: 'Druh akce',
  de: 'Art der Veranstaltung',
  pl: 'Rodzaj wydarzenia',
  sk: 'Druh podujatia',
  fr: 'Type d’événement',
});

const title = {
  type: 'string',
  maxLength: 200,
  description: { en: 'Title', cs: 'Název', de: 'Titel', pl: 'Tytuł', sk: 'Názov', fr: 'Titre' },
} as const satisfies StringOption;
const start = timeOption({
  en: 'Start: 2026-06-05 18:00, “tomorrow 18:00”, “next friday 9:30”',
  cs: 'Začátek: 2026-06-05 18:00, „zítra 18:00“, „příští pátek 9:30“',
  de: 'Beginn: 2026-06-05 18:00, „morgen 18:00“, „nächsten Freitag 9:30“',
  pl: 'Początek: 2026-06-05 18:00, „jutro 18:00“, „w przyszły piątek 9:30“',
  sk: 'Začiatok: 2026-06-05 18:00, „zajtra 18:00“, „budúci piatok 9:30“',
  fr: 'Début : 2026-06-05 18:00, « demain 18:00 », « vendredi prochain 9:30 »',
});
const end = timeOption({
  en: 'End (default: two hours after the start)',
  cs: 'Konec (výchozí: dvě hodiny po začátku)',
  de: 'Ende (Standard: zwei Stunden nach Beginn)',
  pl: 'Koniec (domyślnie: dwie godziny po początku)',
  sk: 'Koniec (predvolený: dve hodiny po začiatku)',
  fr: 'Fin (par défaut : deux heures après le début)',
});
const location = {
  type: 'string',
  maxLength: 300,
  description: {
    en: 'Place or meeting link',
    cs: 'Místo nebo odkaz na schůzku',
    de: 'Ort oder Meeting-Link',
    pl: 'Miejsce albo link do spotkania',
    sk: 'Miesto alebo odkaz na stretnutie',
    fr: 'Lieu ou lien de la réunion',
  },
} as const satisfies StringOption;
const capacity = {
  type: 'integer',
  min: 1,
  max: 100000,
  description: {
    en: 'Places, guests included (empty: unlimited)',
    cs: 'Počet míst včetně hostů (prázdné: neomezeně)',
    de: 'Plätze inkl. Gäste (leer: unbegrenzt)',
    pl: 'Liczba miejsc z gośćmi (puste: bez limitu)',
    sk: 'Počet miest vrátane hostí (prázdne: neobmedzene)',
    fr: 'Places, invités compris (vide : illimité)',
  },
} as const satisfies IntegerOption;
const description = {
  type: 'string',
  maxLength: 2000,
  multiline: true,
  description: {
    en: 'Description',
    cs: 'Popis',
    de: 'Beschreibung',
    pl: 'Opis',
    sk: 'Popis',
    fr: 'Description',
  },
} as const satisfies StringOption;

export const eventCreate = defineCommand({
  path: ['event', 'create'],
  role: 'coordinator',
  description: {
    en: 'Create an exchange event hosted by your town',
    cs: 'Vytvořit akci pořádanou vaším městem',
    de: 'Eine Veranstaltung Ihrer Stadt anlegen',
    pl: 'Utwórz wydarzenie organizowane przez Twoje miasto',
    sk: 'Vytvoriť podujatie organizované vaším mestom',
    fr: 'Créer un événement d’échange organisé par votre ville',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    title: { ...title, required: true },
    kind: { ...exchangeKindOption, required: true },
    start: { ...start, required: true },
    end,
    location,
    capacity,
    description,
  },
  examples: [
    'event create partnership:1 title:"Summer youth camp" kind:youth-exchange start:"2026-07-06 10:00" end:"2026-07-10 16:00" capacity:40',
  ],
});

export const eventList = defineCommand({
  path: ['event', 'list'],
  role: 'member',
  description: {
    en: 'Upcoming events of your partnerships',
    cs: 'Nadcházející akce vašich partnerství',
    de: 'Kommende Veranstaltungen Ihrer Partnerschaften',
    pl: 'Nadchodzące wydarzenia Twoich partnerstw',
    sk: 'Nadchádzajúce podujatia vašich partnerstiev',
    fr: 'Événements à venir de vos partenariats',
  },
  options: { partnership: partnershipOption },
});

export const eventInfo = defineCommand({
  path: ['event', 'info'],
  role: 'member',
  description: {
    en: 'Show an event with its times, place and answers',
    cs: 'Zobrazit akci s časy, místem a odpověďmi',
    de: 'Veranstaltung mit Zeiten, Ort und Antworten anzeigen',
    pl: 'Pokaż wydarzenie z godzinami, miejscem i odpowiedziami',
    sk: 'Zobraziť podujatie s časmi, miestom a odpoveďami',
    fr: 'Afficher un événement avec ses horaires, son lieu et les réponses',
  },
  options: { event: { ...eventOption, required: true } },
});

export const eventEdit = defineCommand({
  path: ['event', 'edit'],
  role: 'coordinator',
  description: {
    en: 'Change an event your town hosts',
    cs: 'Změnit akci pořádanou vaším městem',
    de: 'Eine Veranstaltung Ihrer Stadt ändern',
    pl: 'Zmień wydarzenie organizowane przez Twoje miasto',
    sk: 'Zmeniť podujatie organizované vaším mestom',
    fr: 'Modifier un événement organisé par votre ville',
  },
  options: {
    event: { ...eventOption, required: true },
    title,
    kind: exchangeKindOption,
    start,
    end,
    location,
    capacity,
    description,
  },
});

export const eventCancel = defineCommand({
  path: ['event', 'cancel'],
  role: 'coordinator',
  description: {
    en: 'Cancel an event your town hosts and tell every partner channel',
    cs: 'Zrušit akci vašeho města a oznámit to všem partnerským kanálům',
    de: 'Veranstaltung absagen und alle Partnerkanäle informieren',
    pl: 'Odwołaj wydarzenie swojego miasta i powiadom wszystkie kanały partnerskie',
    sk: 'Zrušiť podujatie vášho mesta a oznámiť to všetkým partnerským kanálom',
    fr: 'Annuler un événement de votre ville et prévenir chaque salon partenaire',
  },
  options: {
    event: { ...eventOption, required: true },
    reason: {
      type: 'string',
      maxLength: 500,
      description: { en: 'Reason', cs: 'Důvod', de: 'Grund', pl: 'Powód', sk: 'Dôvod', fr: 'Motif' },
    },
  },
});

export const eventAttendees = defineCommand({
  path: ['event', 'attendees'],
  role: 'coordinator',
  description: {
    en: 'Who is coming, counted per town and country',
    cs: 'Kdo přijde, po městech a zemích',
    de: 'Wer kommt, nach Stadt und Land gezählt',
    pl: 'Kto przyjdzie, według miast i krajów',
    sk: 'Kto príde, podľa miest a krajín',
    fr: 'Qui vient, compté par ville et par pays',
  },
  options: { event: { ...eventOption, required: true } },
});

export const rsvp = defineCommand({
  path: ['rsvp'],
  role: 'member',
  description: {
    en: 'Answer an event: going, maybe or no',
    cs: 'Odpovědět na akci: přijdu, možná, nepřijdu',
    de: 'Auf eine Veranstaltung antworten: dabei, vielleicht, nein',
    pl: 'Odpowiedz na wydarzenie: będę, może, nie będę',
    sk: 'Odpovedať na podujatie: prídem, možno, neprídem',
    fr: 'Répondre à un événement : je viens, peut-être ou non',
  },
  options: {
    event: { ...eventOption, required: true },
    answer: {
      type: 'choice',
      required: true,
      description: {
        en: 'Your answer',
        cs: 'Vaše odpověď',
        de: 'Ihre Antwort',
        pl: 'Twoja odpowiedź',
        sk: 'Vaša odpoveď',
        fr: 'Votre réponse',
      },
      choices: [
        {
          value: 'going',
          label: { en: 'Going', cs: 'Přijdu', de: 'Dabei', pl: 'Będę', sk: 'Prídem', fr: 'Je viens' },
        },
        {
          value: 'maybe',
          label: { en: 'Maybe', cs: 'Možná', de: 'Vielleicht', pl: 'Może', sk: 'Možno', fr: 'Peut-être' },
        },
        {
          value: 'no',
          label: {
            en: 'Not going',
            cs: 'Nepřijdu',
            de: 'Nicht dabei',
            pl: 'Nie będę',
            sk: 'Neprídem',
            fr: 'Je ne viens pas',
          },
        },
      ],
    },
    guests: {
      type: 'integer',
      min: 0,
      max: 20,
      description: {
        en: 'People you bring along (default 0)',
        cs: 'Kolik lidí přivedete (výchozí 0)',
        de: 'Begleitpersonen (Standard 0)',
        pl: 'Osoby, które zabierasz (domyślnie 0)',
        sk: 'Koľko ľudí privediete (predvolené 0)',
        fr: 'Personnes qui vous accompagnent (0 par défaut)',
      },
    },
  },
  examples: ['rsvp event:1 answer:going guests:1'],
});
