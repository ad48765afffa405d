/** Which chrono parsers read a phrase in a language, in the order they are tried. */
import * as chrono from 'chrono-node';
import type { Chrono } from 'chrono-node';
import { czech } from './cs.ts';
import { french } from './fr.ts';
import { polish } from './pl.ts';
import { slovak } from './sk.ts';
import { withNextWeek } from './phrase-parsers.ts';

export interface PhraseReader {
  parser: Chrono;
  /** Plain `en` cannot know whether 5/6 is 5 June or May 6: refuse instead of guessing. */
  refusesAmbiguousNumericDates: boolean;
  /** Words that make a weekday a past one ("last friday"); the Slavic parsers tag it instead. */
  pastWeekdayWords: RegExp;
  /** What may surround the phrase chrono understood. */
  leftover: RegExp;
}

/** Nothing but spacing and punctuation. */
const IGNORABLE = /^[\s.,;!]*$/;
const ENGLISH_AND_GERMAN_PAST = /\b(last|past|letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?)\b/i;

function reader(parser: Chrono, overrides: Partial<PhraseReader> = {}): PhraseReader {
  return {
    parser,
    refusesAmbiguousNumericDates: false,
    pastWeekdayWords: ENGLISH_AND_GERMAN_PAST,
    leftover: IGNORABLE,
    ...overrides,
  };
}

/** chrono's English and German, with "next week" meaning next week's Monday (nextWeekParser). */
const NEXT_WEEK_EN = ['next week'];
const english = (base: Chrono) => withNextWeek(base, NEXT_WEEK_EN);
const DAY_FIRST_ENGLISH = reader(english(chrono.en.GB));
const GERMAN = withNextWeek(chrono.de.casual, ['nächste Woche', 'nächster Woche', 'kommende Woche']);
const ENGLISH = english(chrono.en.casual);
const READERS_BY_LANGUAGE: Record<string, PhraseReader[]> = {
  de: [reader(GERMAN), DAY_FIRST_ENGLISH],
  // Each reads English too, day first: they are built on chrono's day-first English.
  cs: [reader(czech)],
  sk: [reader(slovak)],
  pl: [reader(polish)],
  fr: [
    reader(french, {
      pastWeekdayWords: /(?<![\p{L}])(derni[eè]re?|pass[ée]e?)(?![\p{L}])/iu,
      // "le 5 juin": chrono reads the date without its article.
      leftover: /^[\s.,;!]*(?:le\s+)?[\s.,;!]*$/i,
    }),
    DAY_FIRST_ENGLISH,
  ],
};

/**
 * `de`, `cs`, `sk`, `pl`, `fr`: that language, then English, dates day first. Plain `en` (the
 * default): English, refusing numeric dates like 5/6 whose order it cannot know. `en-US`: month
 * first. Any other (`en-GB` and the rest of Europe): English with the day first.
 */
export function phraseReaders(locale: string | undefined): PhraseReader[] {
  const [language = 'en', region] = (locale ?? 'en').toLowerCase().split(/[-_]/);
  const readers = READERS_BY_LANGUAGE[language];
  if (readers) return readers;
  if (language === 'en' && region === 'us') return [reader(ENGLISH)];
  if (language === 'en' && region === undefined) {
    return [reader(ENGLISH, { refusesAmbiguousNumericDates: true })];
  }
  return [DAY_FIRST_ENGLISH];
}

/** Languages whose phrases parseWhen reads, beyond English. */
const PHRASE_LANGUAGES = new Set(Object.keys(READERS_BY_LANGUAGE));

/**
 * The locale a member's typed times are read in: the first of their profile's language, their
 * platform's locale and their town's language that parseWhen reads, else English. The platform's
 * locale lends its region to the same language ("en" with a US client reads 5/6 as May 6).
 */
export function phraseLocale(choice: {
  person?: string | null | undefined;
  platform?: string | null | undefined;
  town?: string | null | undefined;
}): string {
  const languageOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';
  for (const tag of [choice.person, choice.platform, choice.town]) {
    if (!tag) continue;
    const language = languageOf(tag);
    if (language !== 'en' && !PHRASE_LANGUAGES.has(language)) continue;
    return choice.platform && languageOf(choice.platform) === language ? choice.platform : tag;
  }
  return 'en';
}
