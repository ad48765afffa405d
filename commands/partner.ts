import { defineCommand } from '../src/core/commands/definition.ts';
import type { ChoiceOption, ListOption } from '../src/core/commands/definition.ts';
import { partnershipOption, languageTagOption } from './shared-options.ts';

const formOption = {
  type: 'choice',
  description: { en: 'Form of cooperation', cs: 'Forma spolupráce', de: 'Form der Zusammenarbeit' },
  choices: [
    {
      value: 'formal',
      label: { en: 'Formal agreement', cs: 'Formální smlouva', de: 'Formelle Vereinbarung' },
    },
    {
      value: 'joint-project',
      label: { en: 'Joint project', cs: 'Společný projekt', de: 'Gemeinsames Projekt' },
    },
    { value: 'informal', label: { en: 'Informal', cs: 'Neformální', de: 'Informell' } },
  ],
} as const satisfies ChoiceOption;

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
    status: {
      type: 'choice',
      description: { en: 'Status', cs: 'Stav', de: 'Status' },
      choices: [
        { value: 'proposed', label: { en: 'Proposed', cs: 'Navrženo', de: 'Vorgeschlagen' } },
        { value: 'active', label: { en: 'Active', cs: 'Aktivní', de: 'Aktiv' } },
        { value: 'dormant', label: { en: 'Dormant', cs: 'Nečinné', de: 'Ruhend' } },
        { value: 'ended', label: { en: 'Ended', cs: 'Ukončeno', de: 'Beendet' } },
      ],
    },
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
