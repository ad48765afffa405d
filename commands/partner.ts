import { choiceOptionOf, defineCommand } from '../src/core/commands/definition.ts';
import type { ListOption } from '../src/core/commands/definition.ts';
import { partnershipForms, partnershipStatuses } from '../src/core/domain/vocabularies.ts';
import { partnershipOption, languageTagOption } from './shared-options.ts';

const formOption = choiceOptionOf(partnershipForms, {
  en: 'Form of cooperation',
  cs: 'Forma spolupráce',
  de: 'Form der Zusammenarbeit',
  pl: 'Forma współpracy',
  sk: 'Forma spolupráce',
  fr: 'Forme de coopération',
});

const areasOption = {
  type: 'list',
  maxItems: 10,
  itemMaxLength: 40,
  description: {
    en: 'Areas, comma-separated: culture, youth, education, tourism…',
    cs: 'Oblasti oddělené čárkou: culture, youth, education, tourism…',
    de: 'Bereiche, durch Komma getrennt: culture, youth, education…',
    pl: 'Obszary oddzielone przecinkami: culture, youth, education, tourism…',
    sk: 'Oblasti oddelené čiarkou: culture, youth, education, tourism…',
    fr: 'Domaines séparés par des virgules : culture, youth, education, tourism…',
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
    pl: 'Rozpocznij (lub rozszerz) partnerstwo i uzyskaj kod zaproszenia dla miasta partnerskiego',
    sk: 'Založiť (alebo rozšíriť) partnerstvo a získať kód pozvánky pre partnerské mesto',
    fr: 'Lancer (ou élargir) un partenariat et obtenir un code d’invitation pour une ville partenaire',
  },
  options: {
    name: {
      type: 'string',
      maxLength: 100,
      description: {
        en: 'Name of a new partnership',
        cs: 'Název nového partnerství',
        de: 'Name einer neuen Partnerschaft',
        pl: 'Nazwa nowego partnerstwa',
        sk: 'Názov nového partnerstva',
        fr: 'Nom d’un nouveau partenariat',
      },
    },
    partnership: {
      ...partnershipOption,
      description: {
        en: 'Existing partnership to invite another town to',
        cs: 'Existující partnerství, do kterého pozvat další město',
        de: 'Bestehende Partnerschaft, zu der eine weitere Stadt eingeladen wird',
        pl: 'Istniejące partnerstwo, do którego zaprosić kolejne miasto',
        sk: 'Existujúce partnerstvo, do ktorého pozvať ďalšie mesto',
        fr: 'Partenariat existant auquel inviter une autre ville',
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
        pl: 'Ile dni kod jest ważny (domyślnie 7)',
        sk: 'Počet dní platnosti kódu (predvolené 7)',
        fr: 'Jours de validité du code (7 par défaut)',
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
    pl: 'Dołącz do partnerstwa kodem zaproszenia; ten kanał stanie się wspólnym kanałem',
    sk: 'Pripojiť sa k partnerstvu kódom; tento kanál sa stane zdieľaným kanálom',
    fr: 'Rejoindre un partenariat avec un code ; ce salon devient votre salon partagé',
  },
  options: {
    code: {
      type: 'string',
      required: true,
      maxLength: 64,
      description: {
        en: 'Invite code',
        cs: 'Kód pozvánky',
        de: 'Einladungscode',
        pl: 'Kod zaproszenia',
        sk: 'Kód pozvánky',
        fr: 'Code d’invitation',
      },
    },
    language: {
      ...languageTagOption,
      description: {
        en: 'Language of posts in this channel (default: your town’s)',
        cs: 'Jazyk příspěvků v tomto kanálu (výchozí: jazyk města)',
        de: 'Sprache der Beiträge in diesem Kanal (Standard: die der Stadt)',
        pl: 'Język postów w tym kanale (domyślnie: Twojego miasta)',
        sk: 'Jazyk príspevkov v tomto kanáli (predvolený: vášho mesta)',
        fr: 'Langue des messages dans ce salon (par défaut : celle de votre ville)',
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
    pl: 'Lista partnerstw Twojego miasta',
    sk: 'Zoznam partnerstiev vášho mesta',
    fr: 'Lister les partenariats de votre ville',
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
    pl: 'Pokaż partnerstwo: miasta, formę, obszary, kanały',
    sk: 'Zobraziť partnerstvo: mestá, formu, oblasti, kanály',
    fr: 'Afficher un partenariat : villes, forme, domaines, salons',
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
    pl: 'Zmień nazwę, status, formę, obszary lub umowę partnerstwa',
    sk: 'Zmeniť názov, stav, formu, oblasti alebo zmluvu partnerstva',
    fr: 'Modifier le nom, le statut, la forme, les domaines ou la convention d’un partenariat',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    name: {
      type: 'string',
      maxLength: 100,
      description: {
        en: 'New name',
        cs: 'Nový název',
        de: 'Neuer Name',
        pl: 'Nowa nazwa',
        sk: 'Nový názov',
        fr: 'Nouveau nom',
      },
    },
    status: choiceOptionOf(partnershipStatuses, {
      en: 'Status',
      cs: 'Stav',
      de: 'Status',
      pl: 'Status',
      sk: 'Stav',
      fr: 'Statut',
    }),
    form: formOption,
    areas: areasOption,
    'agreement-date': {
      type: 'string',
      maxLength: 10,
      description: {
        en: 'Date the agreement was signed (YYYY-MM-DD)',
        cs: 'Datum podpisu smlouvy (RRRR-MM-DD)',
        de: 'Datum der Unterzeichnung (JJJJ-MM-TT)',
        pl: 'Data podpisania umowy (RRRR-MM-DD)',
        sk: 'Dátum podpísania zmluvy (RRRR-MM-DD)',
        fr: 'Date de signature de la convention (AAAA-MM-JJ)',
      },
    },
    'agreement-url': {
      type: 'string',
      maxLength: 500,
      description: {
        en: 'Link to the agreement document',
        cs: 'Odkaz na dokument smlouvy',
        de: 'Link zum Vereinbarungsdokument',
        pl: 'Link do dokumentu umowy',
        sk: 'Odkaz na dokument zmluvy',
        fr: 'Lien vers le document de la convention',
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
    pl: 'Wycofaj swoje miasto z partnerstwa i odłącz jego kanały',
    sk: 'Vyradiť vaše mesto z partnerstva a odpojiť jeho kanály',
    fr: 'Retirer votre ville d’un partenariat et délier ses salons',
  },
  options: { partnership: { ...partnershipOption, required: true } },
});

export const partnerHandover = defineCommand({
  path: ['partner', 'handover'],
  role: 'coordinator',
  sharedSetting: true,
  description: {
    en: 'Hand the partnership’s shared settings over to another partner town',
    cs: 'Předat sdílená nastavení partnerství jinému partnerskému městu',
    de: 'Die gemeinsamen Einstellungen an eine andere Partnerstadt übergeben',
    pl: 'Przekaż wspólne ustawienia partnerstwa innemu miastu partnerskiemu',
    sk: 'Odovzdať zdieľané nastavenia partnerstva inému partnerskému mestu',
    fr: 'Confier les réglages communs du partenariat à une autre ville partenaire',
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
        pl: 'Nazwa miasta partnerskiego, które je przejmuje',
        sk: 'Názov partnerského mesta, ktoré ich preberá',
        fr: 'Nom de la ville partenaire qui les reprend',
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
    pl: 'Lista otwartych zaproszeń partnerstwa: kiedy, przez kogo, do kiedy',
    sk: 'Zoznam otvorených pozvánok partnerstva: kedy, kým, do kedy',
    fr: 'Lister les invitations ouvertes d’un partenariat : créées quand, par qui, jusqu’à quand',
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
    pl: 'Unieważnij otwarte zaproszenie (zobacz partner invites)',
    sk: 'Zrušiť otvorenú pozvánku (pozrite partner invites)',
    fr: 'Révoquer une invitation ouverte (voir partner invites)',
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
        pl: 'Zaproszenie tak, jak pokazuje je partner invites',
        sk: 'Pozvánka tak, ako ju uvádza partner invites',
        fr: 'L’invitation telle que partner invites l’affiche',
      },
    },
  },
  examples: ['partner revoke partnership:1 invite:3f2a9c1e'],
});
