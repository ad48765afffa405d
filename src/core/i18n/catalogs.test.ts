import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from './catalogs/en.ts';
import { cs } from './catalogs/cs.ts';
import { de } from './catalogs/de.ts';
import type { Catalog, MessageKey } from './translator.ts';

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

function argumentsOf(message: string, options?: { ignoreTag: boolean }): Arguments {
  return collect(parse(message, options), { names: new Set(), numeric: new Set(), plurals: [] });
}

function sampleParams(args: Arguments, count: number): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const name of args.names) params[name] = args.numeric.has(name) ? count : `<${name}>`;
  return params;
}

const keys = Object.keys(en) as MessageKey[];
/** English is the reference; parsed leniently so a stray “<…>” there does not hide problems in the translations. */
const english = new Map(keys.map((key) => [key, argumentsOf(en[key], { ignoreTag: true })]));

const translations: [language: 'cs' | 'de', catalog: Catalog, pluralCategories: string[]][] = [
  ['cs', cs, ['one', 'few', 'many', 'other']],
  ['de', de, ['one', 'other']],
];

describe.each(translations)('the %s catalog', (language, catalog, pluralCategories) => {
  it('has exactly the keys of the English catalog', () => {
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
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
    const format = new IntlMessageFormat(message, language);
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

describe('Czech plurals', () => {
  it('distinguish 1, 3 and 5', () => {
    const distinct = keys.filter((key) => {
      const args = argumentsOf(cs[key]);
      if (args.plurals.length === 0) return false;
      const format = new IntlMessageFormat(cs[key], 'cs');
      const outputs = [1, 3, 5].map((count) => String(format.format(sampleParams(args, count))));
      return new Set(outputs).size === 3;
    });
    expect(distinct.length).toBeGreaterThan(0);
  });

  it('reads naturally for a few counts', () => {
    const t = (key: MessageKey, params: Record<string, string | number>) =>
      String(new IntlMessageFormat(cs[key], 'cs').format(params));
    expect(t('partner.left', { name: 'Krumlov – Passau', unlinked: 1 })).toContain('1 kanál byl odpojen');
    expect(t('partner.left', { name: 'Krumlov – Passau', unlinked: 3 })).toContain('3 kanály byly odpojeny');
    expect(t('partner.left', { name: 'Krumlov – Passau', unlinked: 5 })).toContain('5 kanálů bylo odpojeno');
    expect(t('rsvp.going', { title: 'Jarmark', guests: 0 })).toBe('Přijdete na „Jarmark“.');
  });
});

describe('German plurals', () => {
  it('use singular and plural forms', () => {
    const format = new IntlMessageFormat(de['rsvp.going'], 'de');
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
