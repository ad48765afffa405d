/**
 * The times a refusal suggests trying are ones the bot reads, in the language it suggests them
 * in: a Polish member told to try „jutro 18:00“ must be able to.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../i18n/languages.ts';
import { translate } from '../i18n/translator.ts';
import { parseWhen } from './parse-when.ts';

/** What stands between the catalogs' quotation marks: “…”, „…“ and « … ». */
const QUOTED = /[“„«]\s*([^”“»]+?)\s*[”“»]/g;

describe.each(SUPPORTED_LANGUAGES)('the time refusal in %s', (language) => {
  const text = translate(language, 'time.unparseable', { input: '<input>', option: '<option>' });
  const suggested = [...text.matchAll(QUOTED)]
    .map((match) => match[1] ?? '')
    .filter((phrase) => !phrase.startsWith('<'));

  it('suggests two phrases', () => {
    expect(suggested).toHaveLength(2);
  });

  const read = (phrase: string, locale: string) =>
    parseWhen(phrase, { zone: 'Europe/Prague', now: new Date('2026-12-03T10:00:00Z'), locale });

  it.each(suggested)('suggests “%s”, which it reads', (phrase) => {
    expect(read(phrase, language)).toMatchObject({ ok: true });
  });

  // English phrases would be read too (every language falls back to English), but they are not
  // the member's own words.
  it.skipIf(language === 'en')('suggests them in its own words, not in English', () => {
    for (const phrase of suggested) expect(read(phrase, 'en'), phrase).toMatchObject({ ok: false });
  });
});
