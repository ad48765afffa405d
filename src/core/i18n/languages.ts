/** Languages with a full message catalog. A member's other languages fall back along the chain. */
export const SUPPORTED_LANGUAGES = ['en', 'cs', 'de', 'pl', 'sk', 'fr'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Picks the catalog for a reader: their own preference first, then their town's language,
 * then the platform's locale (Discord sends one per interaction), then English.
 */
export function resolveLanguage(...candidates: (string | null | undefined)[]): SupportedLanguage {
  for (const candidate of candidates) {
    const match = matchSupported(candidate);
    if (match) return match;
  }
  return 'en';
}

export function matchSupported(tag: string | null | undefined): SupportedLanguage | undefined {
  if (!tag) return undefined;
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LANGUAGES.find((lang) => lang === primary);
}
