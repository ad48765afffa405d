import { choiceOptionOf, defineCommand } from '../src/core/commands/definition.ts';
import type { ChoiceOption, ListOption } from '../src/core/commands/definition.ts';
import { partnershipForms, partnershipStatuses } from '../src/core/domain/vocabularies.ts';
import { partnershipOption, languageTagOption } from './shared-options.ts';

const formOption = choiceOptionOf(partnershipForms, {
  en: 'Form of cooperation',
  cs: 'Forma spolupráce',
  de: 'Form der Zusammenarbeit',
});

const areasOption = {
  type: 'list',
  maxItems: 10,
  itemMaxLength: 40,
  description: {
    en: 'Areas, comma-separated: culture, youth, education, tourism…',
    cs: 'Oblasti oddělené čárkou: culture, youth, education, tourism…',
    de: 'Bereiche, durch Komma getrennt: culture, youth, education…',
  },
} as const satisfies ListOption;

export const partnerInvite = defineCommand({
  path: ['partner', 'invite'],
  role: 'coordinator',
  sharedSetting: true,
  description: {
    en: 'Start a partnership (or grow one) and get an invite code for a partner town',
    cs: 'Založit partnerství (nebo rozšířit) a získat kód pozvánky pro partnerské město',
    de: 'Partnerschaft beginnen (oder erweitern) und Einladungscode für eine Partnerstadt erhalten',
  },
  options: {
    name: {
      type: 'string',
      maxLength: 100,
      description: {
        en: 'Name of a new partnership',
        cs: 'Název nového partnerství',
        de: 'Name einer neuen Partnerschaft',
      },
    },
    partnership: {
      ...partnershipOption,
      description: {
        en: 'Existing partnership to invite another town to',
        cs: 'Existující partnerství, do kterého pozvat další město',
        de: 'Bestehende Partnerschaft, zu der eine weitere Stadt eingeladen wird',
      },
    },
    form: formOption,
    areas: areasOption,
    days: {
      type: 'integer',
      min: 1,
      max: 30,
      description: {
        en: 'Days the code stays valid (default 7)',
        cs: 'Počet dní platnosti kódu (výchozí 7)',
        de: 'Gültigkeit des Codes in Tagen (Standard 7)',
      },
    },
  },
  examples: ['partner invite name:"Krumlov – Passau" form:formal areas:culture,youth'],
});

export const partnerJoin = defineCommand({
  path: ['partner', 'join'],
  role: 'coordinator',
  description: {
    en: 'Join a partnership with an invite code; this channel becomes your shared channel',
    cs: 'Připojit se k partnerství kódem; tento kanál se stane sdíleným kanálem',
    de: 'Mit einem Code beitreten; dieser Kanal wird Ihr gemeinsamer Kanal',
  },
  options: {
    code: {
      type: 'string',
      required: true,
      maxLength: 64,
      description: { en: 'Invite code', cs: 'Kód pozvánky', de: 'Einladungscode' },
    },
    language: {
      ...languageTagOption,
      description: {
        en: 'Language of posts in this channel (default: your town’s)',
        cs: 'Jazyk příspěvků v tomto kanálu (výchozí: jazyk města)',
        de: 'Sprache der Beiträge in diesem Kanal (Standard: die der Stadt)',
      },
    },
  },
});

export const partnerList = defineCommand({
  path: ['partner', 'list'],
  role: 'member',
  description: {
    en: 'List your town’s partnerships',
    cs: 'Vypsat partnerství vašeho města',
    de: 'Partnerschaften Ihrer Stadt auflisten',
  },
  options: {},
});

export const partnerInfo = defineCommand({
  path: ['partner', 'info'],
  role: 'member',
  description: {
    en: 'Show a partnership: towns, form, areas, channels',
    cs: 'Zobrazit partnerství: města, forma, oblasti, kanály',
    de: 'Partnerschaft anzeigen: Städte, Form, Bereiche, Kanäle',
  },
  options: { partnership: { ...partnershipOption, required: true } },
});

export const partnerEdit = defineCommand({
  path: ['partner', 'edit'],
  role: 'coordinator',
  sharedSetting: true,
  description: {
    en: 'Change a partnership’s name, status, form, areas or agreement',
    cs: 'Změnit název, stav, formu, oblasti nebo smlouvu partnerství',
    de: 'Name, Status, Form, Bereiche oder Vereinbarung ändern',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    name: {
      type: 'string',
      maxLength: 100,
      description: { en: 'New name', cs: 'Nový název', de: 'Neuer Name' },
    },
    status: choiceOptionOf(partnershipStatuses, { en: 'Status', cs: 'Stav', de: 'Status' }),
    form: formOption,
    areas: areasOption,
    'agreement-date': {
      type: 'string',
      maxLength: 10,
      description: {
        en: 'Date the agreement was signed (YYYY-MM-DD)',
        cs: 'Datum podpisu smlouvy (RRRR-MM-DD)',
        de: 'Datum der Unterzeichnung (JJJJ-MM-TT)',
      },
    },
    'agreement-url': {
      type: 'string',
      maxLength: 500,
      description: {
        en: 'Link to the agreement document',
        cs: 'Odkaz na dokument smlouvy',
        de: 'Link zum Vereinbarungsdokument',
      },
    },
  },
});

export const partnerLeave = defineCommand({
  path: ['partner', 'leave'],
  role: 'coordinator',
  description: {
    en: 'Take your town out of a partnership and unlink its channels',
    cs: 'Vyjmout vaše město z partnerství a odpojit jeho kanály',
    de: 'Ihre Stadt aus einer Partnerschaft nehmen und Kanäle trennen',
  },
  options: { partnership: { ...partnershipOption, required: true } },
});

export const partnerReminders = defineCommand({
  path: ['partner', 'reminders'],
  role: 'coordinator',
  sharedSetting: true,
  description: {
    en: 'Show or set when reminders go out before events (e.g. 7d,1d,1h, or off)',
    cs: 'Zobrazit nebo nastavit, kdy chodí připomínky před akcemi (např. 7d,1d,1h, nebo off)',
    de: 'Anzeigen oder festlegen, wann Erinnerungen vor Veranstaltungen kommen (z. B. 7d,1d,1h)',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    offsets: {
      type: 'list',
      maxItems: 10,
      itemMaxLength: 10,
      description: {
        en: 'Times before each event, comma-separated: 7d,1d,1h (d, h, m), or off',
        cs: 'Časy před akcí oddělené čárkou: 7d,1d,1h (d, h, m), nebo off',
        de: 'Zeiten vor der Veranstaltung, durch Komma getrennt: 7d,1d,1h (d, h, m) oder off',
      },
    },
  },
  examples: [
    'partner reminders partnership:1 offsets:7d,1d,1h',
    'partner reminders partnership:1 offsets:off',
  ],
});

const weekday = <V extends string>(value: V, en: string, cs: string, de: string) =>
  ({ value, label: { en, cs, de } }) as const;

export const partnerDigest = defineCommand({
  path: ['partner', 'digest'],
  role: 'coordinator',
  sharedSetting: true,
  description: {
    en: 'Show or set the weekly digest of upcoming events: day, hour, or off',
    cs: 'Zobrazit nebo nastavit týdenní přehled nadcházejících akcí: den, hodina, nebo off',
    de: 'Wochenüberblick anstehender Veranstaltungen anzeigen oder einstellen: Tag, Stunde, off',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    day: {
      type: 'choice',
      description: {
        en: 'Day of the week, or off',
        cs: 'Den v týdnu, nebo off (vypnout)',
        de: 'Wochentag oder off (aus)',
      },
      choices: [
        weekday('monday', 'Monday', 'pondělí', 'Montag'),
        weekday('tuesday', 'Tuesday', 'úterý', 'Dienstag'),
        weekday('wednesday', 'Wednesday', 'středa', 'Mittwoch'),
        weekday('thursday', 'Thursday', 'čtvrtek', 'Donnerstag'),
        weekday('friday', 'Friday', 'pátek', 'Freitag'),
        weekday('saturday', 'Saturday', 'sobota', 'Samstag'),
        weekday('sunday', 'Sunday', 'neděle', 'Sonntag'),
        weekday('off', 'Off', 'vypnout', 'aus'),
      ],
    } satisfies ChoiceOption,
    hour: {
      type: 'integer',
      min: 0,
      max: 23,
      description: {
        en: 'Hour of the day, 0-23 (default 9)',
        cs: 'Hodina dne, 0–23 (výchozí 9)',
        de: 'Stunde des Tages, 0–23 (Standard 9)',
      },
    },
    timezone: {
      type: 'string',
      autocomplete: 'timezone',
      maxLength: 64,
      description: {
        en: 'Time zone of day and hour (default: your town’s)',
        cs: 'Časové pásmo dne a hodiny (výchozí: vašeho města)',
        de: 'Zeitzone für Tag und Stunde (Standard: die Ihrer Stadt)',
      },
    },
  },
  rest: 'day',
  examples: ['partner digest partnership:1 day:monday hour:9', 'partner digest partnership:1 off'],
});

export const partnerHandover = defineCommand({
  path: ['partner', 'handover'],
  role: 'coordinator',
  sharedSetting: true,
  description: {
    en: 'Hand the partnership’s shared settings over to another partner town',
    cs: 'Předat sdílená nastavení partnerství jinému partnerskému městu',
    de: 'Die gemeinsamen Einstellungen an eine andere Partnerstadt übergeben',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    town: {
      type: 'string',
      required: true,
      maxLength: 100,
      description: {
        en: 'Name of the partner town that takes over',
        cs: 'Název partnerského města, které nastavení převezme',
        de: 'Name der Partnerstadt, die übernimmt',
      },
    },
  },
  examples: ['partner handover partnership:1 town:Passau'],
});

export const partnerInvites = defineCommand({
  path: ['partner', 'invites'],
  role: 'coordinator',
  description: {
    en: 'List a partnership’s open invites: created when, by whom, until when',
    cs: 'Vypsat otevřené pozvánky partnerství: kdy, kdo a do kdy',
    de: 'Offene Einladungen einer Partnerschaft auflisten: wann, von wem, bis wann',
  },
  options: { partnership: { ...partnershipOption, required: true } },
});

export const partnerRevoke = defineCommand({
  path: ['partner', 'revoke'],
  role: 'coordinator',
  description: {
    en: 'Revoke an open invite (see partner invites)',
    cs: 'Zrušit otevřenou pozvánku (viz partner invites)',
    de: 'Eine offene Einladung zurückziehen (siehe partner invites)',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    invite: {
      type: 'string',
      required: true,
      maxLength: 36,
      description: {
        en: 'The invite as partner invites lists it',
        cs: 'Pozvánka, jak ji uvádí partner invites',
        de: 'Die Einladung, wie partner invites sie auflistet',
      },
    },
  },
  examples: ['partner revoke partnership:1 invite:3f2a9c1e'],
});
