import { choiceOptionOf, defineCommand } from '../src/core/commands/definition.ts';
import type { IntegerOption, StringOption } from '../src/core/commands/definition.ts';
import { exchangeKinds } from '../src/core/domain/vocabularies.ts';
import { eventOption, partnershipOption, timeOption } from './shared-options.ts';

export const exchangeKindOption = choiceOptionOf(exchangeKinds, {
  en: 'Kind of event',
  cs: 'Druh akce',
  de: 'Art der Veranstaltung',
});

const title = {
  type: 'string',
  maxLength: 200,
  description: { en: 'Title', cs: 'Název', de: 'Titel' },
} as const satisfies StringOption;
const start = timeOption({
  en: 'Start: 2026-06-05 18:00, “tomorrow 18:00”, “next friday 9:30”',
  cs: 'Začátek: 2026-06-05 18:00, „zítra 18:00“, „příští pátek 9:30“',
  de: 'Beginn: 2026-06-05 18:00, „morgen 18:00“, „nächsten Freitag 9:30“',
});
const end = timeOption({
  en: 'End (default: two hours after the start)',
  cs: 'Konec (výchozí: dvě hodiny po začátku)',
  de: 'Ende (Standard: zwei Stunden nach Beginn)',
});
const location = {
  type: 'string',
  maxLength: 300,
  description: {
    en: 'Place or meeting link',
    cs: 'Místo nebo odkaz na schůzku',
    de: 'Ort oder Meeting-Link',
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
  },
} as const satisfies IntegerOption;
const description = {
  type: 'string',
  maxLength: 2000,
  multiline: true,
  description: { en: 'Description', cs: 'Popis', de: 'Beschreibung' },
} as const satisfies StringOption;

export const eventCreate = defineCommand({
  path: ['event', 'create'],
  role: 'coordinator',
  description: {
    en: 'Create an exchange event hosted by your town',
    cs: 'Vytvořit akci pořádanou vaším městem',
    de: 'Eine Veranstaltung Ihrer Stadt anlegen',
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
  },
  options: {
    event: { ...eventOption, required: true },
    reason: {
      type: 'string',
      maxLength: 500,
      description: { en: 'Reason', cs: 'Důvod', de: 'Grund' },
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
  },
  options: {
    event: { ...eventOption, required: true },
    answer: {
      type: 'choice',
      required: true,
      description: { en: 'Your answer', cs: 'Vaše odpověď', de: 'Ihre Antwort' },
      choices: [
        { value: 'going', label: { en: 'Going', cs: 'Přijdu', de: 'Dabei' } },
        { value: 'maybe', label: { en: 'Maybe', cs: 'Možná', de: 'Vielleicht' } },
        { value: 'no', label: { en: 'Not going', cs: 'Nepřijdu', de: 'Nicht dabei' } },
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
      },
    },
  },
  examples: ['rsvp event:1 answer:going guests:1'],
});
