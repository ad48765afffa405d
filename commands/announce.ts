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
    },
  }) as const satisfies StringOption;

/** The catalog languages get a variant option each; other channels read the main text. */
const variants = { 'text-en': variant('en'), 'text-cs': variant('cs'), 'text-de': variant('de') };

export const announceSend = defineCommand({
  path: ['announce', 'send'],
  role: 'coordinator',
  description: {
    en: 'Post an announcement now in every channel of a partnership',
    cs: 'Zveřejnit oznámení hned ve všech kanálech partnerství',
    de: 'Ankündigung sofort in allen Kanälen der Partnerschaft posten',
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
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    text: { ...text, required: true },
    at: timeOption({
      en: 'When, e.g. 2026-06-01 09:00 or “next monday 9:00”',
      cs: 'Kdy, např. 2026-06-01 09:00 nebo „next monday 9:00“',
      de: 'Wann, z. B. 2026-06-01 09:00 oder „nächsten Montag 9:00“',
    }),
    cron: {
      type: 'string',
      maxLength: 100,
      description: {
        en: 'Repeat by cron, e.g. “0 9 * * 1” (Mondays 9:00)',
        cs: 'Opakovat podle cronu, např. „0 9 * * 1“ (pondělí 9:00)',
        de: 'Wiederholen per Cron, z. B. „0 9 * * 1“ (montags 9:00)',
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
  },
} as const satisfies IntegerOption;

export const announceCancel = defineCommand({
  path: ['announce', 'cancel'],
  role: 'coordinator',
  description: {
    en: 'Cancel a scheduled announcement',
    cs: 'Zrušit naplánované oznámení',
    de: 'Geplante Ankündigung absagen',
  },
  options: { announcement: { ...announcementOption, required: true } },
});
