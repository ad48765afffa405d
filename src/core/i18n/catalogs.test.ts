import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from './catalogs/en.ts';
import { cs } from './catalogs/cs.ts';
import { de } from './catalogs/de.ts';
import { pl } from './catalogs/pl.ts';
import { sk } from './catalogs/sk.ts';
import { fr } from './catalogs/fr.ts';
import { isReferenced, messageKeyReferences } from '../../../test/support/message-key-references.ts';
import type { Catalog, MessageKey } from './translator.ts';
import { SUPPORTED_LANGUAGES } from './languages.ts';

interface Arguments {
  names: Set<string>;
  /** Arguments used as a plural (or number), which need numeric sample values. */
  numeric: Set<string>;
  /** The option selectors of every plural, e.g. ['=0', 'one', 'other']. */
  plurals: string[][];
}

function collect(elements: MessageFormatElement[], into: Arguments): Arguments {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.date:
      case TYPE.time:
        into.names.add(element.value);
        break;
      case TYPE.number:
        into.names.add(element.value);
        into.numeric.add(element.value);
        break;
      case TYPE.plural:
        into.names.add(element.value);
        into.numeric.add(element.value);
        into.plurals.push(Object.keys(element.options));
        for (const option of Object.values(element.options)) collect(option.value, into);
        break;
      case TYPE.select:
        into.names.add(element.value);
        for (const option of Object.values(element.options)) collect(option.value, into);
        break;
      case TYPE.tag:
        collect(element.children, into);
        break;
      case TYPE.literal:
      case TYPE.pound:
        break;
    }
  }
  return into;
}

/** Parsed as the translator reads messages: `<` is literal text (usage placeholders), never a tag. */
function argumentsOf(message: string): Arguments {
  return collect(parse(message, { ignoreTag: true }), { names: new Set(), numeric: new Set(), plurals: [] });
}

const formatOf = (message: string, language: string) =>
  new IntlMessageFormat(message, language, undefined, { ignoreTag: true });

function sampleParams(args: Arguments, count: number): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const name of args.names) params[name] = args.numeric.has(name) ? count : `<${name}>`;
  return params;
}

const keys = Object.keys(en) as MessageKey[];
/** English is the reference. */
const english = new Map(keys.map((key) => [key, argumentsOf(en[key])]));

type Translated = Exclude<(typeof SUPPORTED_LANGUAGES)[number], 'en'>;

/** Plural categories written out from CLDR, not read from Intl (which the code also uses). */
const translations: [language: Translated, catalog: Catalog, pluralCategories: string[]][] = [
  ['cs', cs, ['one', 'few', 'many', 'other']],
  ['de', de, ['one', 'other']],
  ['pl', pl, ['one', 'few', 'many', 'other']],
  ['sk', sk, ['one', 'few', 'many', 'other']],
  ['fr', fr, ['one', 'many', 'other']],
];

/**
 * Values that may read exactly as in English, each with the reason. Anything else identical to
 * English is a translation left undone. Messages without a word of their own (only arguments
 * and punctuation, like `{setting}: {from} → {to}`) need no entry.
 */
const SAME_AS_ENGLISH: Readonly<Partial<Record<Translated, Partial<Record<MessageKey, string>>>>> = {
  cs: { 'usage.text': '“text” is the Czech word too', 'area.sport': 'the same word in Czech' },
  de: { 'card.status': '“Status” is the German word' },
  pl: {
    'card.status': '“Status” is the Polish word',
    'partner.setting.status': '“status” is the Polish word',
    'area.sport': 'the same word in Polish',
  },
  sk: { 'usage.text': '“text” is the Slovak word too' },
  fr: {
    'card.places': '“Places” is the French word',
    'area.culture': 'the same word in French',
    'area.sport': 'the same word in French',
  },
};

/** Letters outside `{…}` arguments: a message that has none is a pure format. */
function hasWords(message: string): boolean {
  let depth = 0;
  for (const char of message) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 0 && /\p{L}/u.test(char)) return true;
  }
  return false;
}

describe.each(translations)('the %s catalog', (language, catalog, pluralCategories) => {
  it('has exactly the keys of the English catalog: none missing, none extra', () => {
    expect(Object.keys(catalog).filter((key) => !(key in en))).toEqual([]);
    expect(keys.filter((key) => !(key in catalog))).toEqual([]);
  });

  it('translates every message that has words, unless allowed with a reason', () => {
    const allowed = SAME_AS_ENGLISH[language] ?? {};
    const untranslated = keys.filter(
      (key) => catalog[key] === en[key] && hasWords(en[key]) && allowed[key] === undefined,
    );
    expect(untranslated).toEqual([]);
    // An allowance for a message that is translated after all is stale.
    expect(
      Object.keys(allowed).filter((key) => catalog[key as MessageKey] !== en[key as MessageKey]),
    ).toEqual([]);
  });

  it('quotes as the language does, never with English quotation marks', () => {
    for (const key of keys) {
      const message = catalog[key];
      expect(message, key).not.toMatch(/[”"]/);
      if (language === 'fr') {
        expect(message, key).not.toMatch(/[„“]/);
      } else {
        // „…“: every “ closes a „.
        expect(message, key).not.toMatch(/[«»]/);
        expect(message.split('„').length, key).toBe(message.split('“').length);
      }
    }
  });

  it.each(keys)('%s compiles and uses the same placeholders as English', (key) => {
    const message = catalog[key];
    expect(message.trim()).not.toBe('');
    expect(message, 'a straight apostrophe starts an ICU quote: use ’').not.toContain("'");
    const args = argumentsOf(message);
    expect([...args.names].sort()).toEqual([...english.get(key)!.names].sort());
    for (const options of args.plurals) {
      expect(options).toEqual(expect.arrayContaining(pluralCategories));
    }
    const format = formatOf(message, language);
    for (const count of [0, 1, 3, 5]) {
      expect(() => format.format(sampleParams(args, count))).not.toThrow();
      expect(String(format.format(sampleParams(args, count)))).not.toMatch(/[{}]/);
    }
  });

  it('keeps the =0 branches of English plurals', () => {
    for (const key of keys) {
      const englishExact = english
        .get(key)!
        .plurals.flat()
        .filter((option) => option.startsWith('='));
      const translatedExact = argumentsOf(catalog[key]).plurals.flat();
      expect(translatedExact, key).toEqual(expect.arrayContaining(englishExact));
    }
  });
});

describe('the catalogs together', () => {
  it('cover every supported language', () => {
    expect(['en', ...translations.map(([language]) => language)].sort()).toEqual(
      [...SUPPORTED_LANGUAGES].sort(),
    );
  });

  it('hold no key that nothing in src/ or commands/ refers to', () => {
    const references = messageKeyReferences();
    expect(keys.filter((key) => !isReferenced(key, references))).toEqual([]);
  }, 60_000);
});

describe('French typography', () => {
  const NARROW = '\u202f';
  it('puts narrow no-break spaces inside « » and before ; ! ?, a no-break space before a colon', () => {
    for (const key of keys) {
      const message = fr[key];
      expect(message, key).not.toMatch(/« | »|«[^\u202f]|[^\u202f]»/);
      expect(message, key).not.toMatch(/[ \u00a0][;!?]/);
      expect(message, key).not.toMatch(/[ \u202f]:/);
    }
    expect(String(formatOf(fr['command.unknown'], 'fr').format({ words: 'x', suggestions: 'y' }))).toBe(
      `Je ne connais pas la commande «${NARROW}x${NARROW}». Vouliez-vous dire\u00a0: y${NARROW}?`,
    );
  });
});

describe('Polish, Slovak and French plurals', () => {
  const say = (
    catalog: Catalog,
    language: string,
    key: MessageKey,
    params: Record<string, string | number>,
  ) => String(formatOf(catalog[key], language).format(params));

  it('read naturally in Polish for 1, 3, 5 and 22', () => {
    const left = (unlinked: number) => say(pl, 'pl', 'partner.left', { name: 'Kraków', unlinked });
    expect(left(1)).toContain('1 kanał został odłączony');
    expect(left(3)).toContain('3 kanały zostały odłączone');
    expect(left(5)).toContain('5 kanałów zostało odłączonych');
    expect(left(22)).toContain('22 kanały zostały odłączone');
  });

  it('read naturally in Slovak for 1, 3 and 5', () => {
    const left = (unlinked: number) => say(sk, 'sk', 'partner.left', { name: 'Levoča', unlinked });
    expect(left(1)).toContain('1 kanál bol odpojený');
    expect(left(3)).toContain('3 kanály boli odpojené');
    expect(left(5)).toContain('5 kanálov bolo odpojených');
  });

  it('treat 0 and 1 as singular in French', () => {
    const created = (channels: number) => say(fr, 'fr', 'event.created', { number: 4, channels });
    expect(created(0)).toContain('dans 0 salon.');
    expect(created(1)).toContain('dans 1 salon.');
    expect(created(2)).toContain('dans 2 salons.');
  });
});

describe('Czech plurals', () => {
  it('distinguish 1, 3 and 5', () => {
    const distinct = keys.filter((key) => {
      const args = argumentsOf(cs[key]);
      if (args.plurals.length === 0) return false;
      const format = formatOf(cs[key], 'cs');
      const outputs = [1, 3, 5].map((count) => String(format.format(sampleParams(args, count))));
      return new Set(outputs).size === 3;
    });
    expect(distinct.length).toBeGreaterThan(0);
  });

  it('reads naturally for a few counts', () => {
    const t = (key: MessageKey, params: Record<string, string | number>) =>
      String(formatOf(cs[key], 'cs').format(params));
    expect(t('partner.left', { name: 'Krumlov – Passau', unlinked: 1 })).toContain('1 kanál byl odpojen');
    expect(t('partner.left', { name: 'Krumlov – Passau', unlinked: 3 })).toContain('3 kanály byly odpojeny');
    expect(t('partner.left', { name: 'Krumlov – Passau', unlinked: 5 })).toContain('5 kanálů bylo odpojeno');
    expect(t('rsvp.going', { title: 'Jarmark', guests: 0 })).toBe('Přijdete na „Jarmark“.');
  });
});

describe('German plurals', () => {
  it('use singular and plural forms', () => {
    const format = formatOf(de['rsvp.going'], 'de');
    expect(format.format({ title: 'Stadtfest', guests: 0 })).toBe('Sie sind bei „Stadtfest“ dabei.');
    expect(format.format({ title: 'Stadtfest', guests: 1 })).toBe(
      'Sie sind bei „Stadtfest“ dabei, mit 1 Gast.',
    );
    expect(format.format({ title: 'Stadtfest', guests: 2 })).toBe(
      'Sie sind bei „Stadtfest“ dabei, mit 2 Gästen.',
    );
  });
});

describe('attendee totals', () => {
  // A partner town reads them too: "partner towns" would mean every town but itself there.
  it('count the towns other than the host as invited ones, in every language', () => {
    const totals = (catalog: Catalog) =>
      new IntlMessageFormat(catalog['attendees.totals']).format({ total: 3, international: 1 });
    expect(totals(en)).toBe('Total going: 3, of whom 1 from invited towns.');
    expect(totals(cs)).toBe('Celková účast: 3, z toho 1 z pozvaných měst.');
    expect(totals(de)).toBe('Zusagen insgesamt: 3, davon 1 aus eingeladenen Städten.');
  });
});
