import { defineCommand } from '../src/core/commands/definition.ts';
import type { IntegerOption, StringOption } from '../src/core/commands/definition.ts';
import { partnershipOption, timeOption } from './shared-options.ts';

const text = {
  type: 'string',
  maxLength: 2000,
  multiline: true,
  description: {
    en: 'Text (used where no translation below fits)',
    cs: 'Text (použije se, kde nesedí žádný překlad)',
    de: 'Text (wo keine Übersetzung passt)',
    pl: 'Tekst (używany tam, gdzie nie pasuje żadne tłumaczenie poniżej)',
    sk: 'Text (použije sa tam, kde nesedí žiadny preklad)',
    fr: 'Texte (utilisé là où aucune traduction ci-dessous ne convient)',
  },
} as const satisfies StringOption;
const variant = (language: string) =>
  ({
    type: 'string',
    maxLength: 2000,
    multiline: true,
    description: {
      en: `Text for channels in ${language}`,
      cs: `Text pro kanály v jazyce ${language}`,
      de: `Text für Kanäle auf ${language}`,
      pl: `Tekst dla kanałów w języku ${language}`,
      sk: `Text pre kanály v jazyku ${language}`,
      fr: `Texte pour les salons en ${language}`,
    },
  }) as const satisfies StringOption;

/** The catalog languages get a variant option each; other channels read the main text. */
const variants = {
  'text-en': variant('en'),
  'text-cs': variant('cs'),
  'text-de': variant('de'),
  'text-pl': variant('pl'),
  'text-sk': variant('sk'),
  'text-fr': variant('fr'),
};

export const announceSend = defineCommand({
  path: ['announce', 'send'],
  role: 'coordinator',
  description: {
    en: 'Post an announcement now in every channel of a partnership',
    cs: 'Zveřejnit oznámení hned ve všech kanálech partnerství',
    de: 'Ankündigung sofort in allen Kanälen der Partnerschaft posten',
    pl: 'Opublikuj ogłoszenie teraz we wszystkich kanałach partnerstwa',
    sk: 'Zverejniť oznámenie hneď vo všetkých kanáloch partnerstva',
    fr: 'Publier une annonce maintenant dans chaque salon d’un partenariat',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    text: { ...text, required: true },
    ...variants,
  },
  examples: ['announce send partnership:1 text:"Photos are online" text-cs:"Fotky jsou online"'],
});

export const announceSchedule = defineCommand({
  path: ['announce', 'schedule'],
  role: 'coordinator',
  description: {
    en: 'Schedule an announcement once (at) or repeating (cron)',
    cs: 'Naplánovat oznámení jednou (at) nebo opakovaně (cron)',
    de: 'Ankündigung einmalig (at) oder wiederholt (cron) planen',
    pl: 'Zaplanuj ogłoszenie jednorazowe (at) albo cykliczne (cron)',
    sk: 'Naplánovať oznámenie raz (at) alebo opakovane (cron)',
    fr: 'Programmer une annonce unique (at) ou récurrente (cron)',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    text: { ...text, required: true },
    at: timeOption({
      en: 'When, e.g. 2026-06-01 09:00 or “next monday 9:00”',
      cs: 'Kdy, např. 2026-06-01 09:00 nebo „next monday 9:00“',
      de: 'Wann, z. B. 2026-06-01 09:00 oder „nächsten Montag 9:00“',
      pl: 'Kiedy, np. 2026-06-01 09:00 albo „next monday 9:00“',
      sk: 'Kedy, napr. 2026-06-01 09:00 alebo „next monday 9:00“',
      fr: 'Quand, par ex. 2026-06-01 09:00 ou « next monday 9:00 »',
    }),
    cron: {
      type: 'string',
      maxLength: 100,
      description: {
        en: 'Repeat by cron, e.g. “0 9 * * 1” (Mondays 9:00)',
        cs: 'Opakovat podle cronu, např. „0 9 * * 1“ (pondělí 9:00)',
        de: 'Wiederholen per Cron, z. B. „0 9 * * 1“ (montags 9:00)',
        pl: 'Powtarzaj według cron, np. „0 9 * * 1“ (poniedziałki 9:00)',
        sk: 'Opakovať podľa cronu, napr. „0 9 * * 1“ (pondelok 9:00)',
        fr: 'Répéter selon cron, par ex. « 0 9 * * 1 » (le lundi à 9 h)',
      },
    },
    timezone: {
      type: 'string',
      autocomplete: 'timezone',
      maxLength: 64,
      description: {
        en: 'Time zone (default: your town’s)',
        cs: 'Časové pásmo (výchozí: vašeho města)',
        de: 'Zeitzone (Standard: die Ihrer Stadt)',
        pl: 'Strefa czasowa (domyślnie: Twojego miasta)',
        sk: 'Časové pásmo (predvolené: vášho mesta)',
        fr: 'Fuseau horaire (par défaut : celui de votre ville)',
      },
    },
    ...variants,
  },
  examples: ['announce schedule partnership:1 text:"Committee call tonight" cron:"0 9 * * 1"'],
});

export const announceList = defineCommand({
  path: ['announce', 'list'],
  role: 'coordinator',
  description: {
    en: 'Scheduled announcements of your partnerships',
    cs: 'Naplánovaná oznámení vašich partnerství',
    de: 'Geplante Ankündigungen Ihrer Partnerschaften',
    pl: 'Zaplanowane ogłoszenia Twoich partnerstw',
    sk: 'Naplánované oznámenia vašich partnerstiev',
    fr: 'Annonces programmées de vos partenariats',
  },
  options: { partnership: partnershipOption },
});

const announcementOption = {
  type: 'integer',
  min: 1,
  autocomplete: 'announcement',
  description: {
    en: 'Announcement number (see announce list)',
    cs: 'Číslo oznámení (viz announce list)',
    de: 'Nummer der Ankündigung (siehe announce list)',
    pl: 'Numer ogłoszenia (zobacz announce list)',
    sk: 'Číslo oznámenia (pozrite announce list)',
    fr: 'Numéro de l’annonce (voir announce list)',
  },
} as const satisfies IntegerOption;

export const announceCancel = defineCommand({
  path: ['announce', 'cancel'],
  role: 'coordinator',
  description: {
    en: 'Cancel a scheduled announcement',
    cs: 'Zrušit naplánované oznámení',
    de: 'Geplante Ankündigung absagen',
    pl: 'Odwołaj zaplanowane ogłoszenie',
    sk: 'Zrušiť naplánované oznámenie',
    fr: 'Annuler une annonce programmée',
  },
  options: { announcement: { ...announcementOption, required: true } },
});
