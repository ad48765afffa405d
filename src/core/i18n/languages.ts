/** Languages with a full message catalog. A member's other languages fall back along the chain. */
export const SUPPORTED_LANGUAGES = ['en', 'cs', 'de', 'pl', 'sk', 'fr'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** The first of the candidates, in the order given, that has a catalog; English when none has. */
export function resolveLanguage(...candidates: (string | null | undefined)[]): SupportedLanguage {
  for (const candidate of candidates) {
    const match = matchSupported(candidate);
    if (match) return match;
  }
  return 'en';
}

/** What decides the language of a member's own answers; channel posts follow the channel link's. */
export interface LanguageChoice {
  /** The first language of their profile. */
  person?: string | null | undefined;
  /** Their platform's locale (Discord sends one per interaction; Slack's users.info has one). */
  platform?: string | null | undefined;
  /** Their town's language. */
  town?: string | null | undefined;
}

/**
 * A member's own answers: their profile's language, else their platform's (a German-speaking
 * member of a Czech town set their client to German), else their town's, else English.
 */
export function memberLanguage(choice: LanguageChoice): SupportedLanguage {
  return resolveLanguage(choice.person, choice.platform, choice.town);
}

/**
 * What jobs (reminders, notices, waitlist moves) write to a member in, with no command at hand:
 * the same order, with the platform locale the member's last command brought.
 */
export function recipientLanguage(
  member: { languages: readonly string[]; platformLocale: string | null },
  town: { language: string },
): SupportedLanguage {
  return memberLanguage({
    person: member.languages[0],
    platform: member.platformLocale,
    town: town.language,
  });
}

export function matchSupported(tag: string | null | undefined): SupportedLanguage | undefined {
  if (!tag) return undefined;
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LANGUAGES.find((lang) => lang === primary);
}
