/** Validation of the codes coordinators type: countries, languages. */
import countries from 'i18n-iso-countries';

/** ISO 3166-1 alpha-2, case-insensitive in, upper case out; null when not a country. */
export function normalizeCountryCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code) ? code : null;
}

/** Every ISO 3166-1 alpha-2 code. */
export function countryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes());
}

/** The country's name in the reader's language, via the runtime's CLDR data. */
export function countryName(code: string, language: string): string {
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

/**
 * A BCP 47 language tag that names a real language (cs, de-AT, zh-Hant); null otherwise.
 * Intl accepts any well-formed tag, so the tag must also have a display name of its own.
 */
export function normalizeLanguageTag(input: string): string | null {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(input.trim())[0];
  } catch {
    return null;
  }
  if (!canonical) return null;
  const primary = canonical.split('-')[0] ?? canonical;
  const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(primary);
  return name && name.toLowerCase() !== primary.toLowerCase() ? canonical : null;
}

export function languageName(tag: string, language: string): string {
  return new Intl.DisplayNames([language], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
}
