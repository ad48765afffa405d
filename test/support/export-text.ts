/**
 * What `profile export` shows Petra of Český Krumlov after `profile set languages:en
 * interests:"choir, cycling"` and going to exchange #1 on 23 November 2026, as Discord and Slack
 * show it (no console indent), written out; the parts that differ per platform are parameters.
 */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export function petraExport(at: {
  name: string;
  account: string;
  exchangeTitle: string;
  platformLanguage: string;
  /** `profile forget` as it is typed on the platform. */
  forget: string;
}): string {
  return [
    'Everything Twinbridge holds about you in this community:',
    `Profile: ${at.name} · Český Krumlov (CZ) · member`,
    '  Languages: English (en)',
    '  Interests: choir, cycling',
    `  Your platform’s language, as last sent: ${at.platformLanguage}`,
    `  Account: ${at.account}`,
    'Your answers to events (1):',
    `  #1 ${at.exchangeTitle} · 06/07/2027, 10:00 (Europe/Prague) · going · counted for Český Krumlov`,
    'Messages waiting to be sent to you (3):',
    '  reminder.direct · due 29/06/2027, 10:00 (Europe/Prague)',
    '  reminder.direct · due 05/07/2027, 10:00 (Europe/Prague)',
    '  reminder.direct · due 06/07/2027, 09:00 (Europe/Prague)',
    'Audit log entries by or about you (2):',
    '  23/11/2026, 11:00 (Europe/Prague) · profile.set · member <id> · by you',
    '  23/11/2026, 11:00 (Europe/Prague) · rsvp · exchange <id> · by you',
    `“${at.forget}” deletes this data.`,
  ].join('\n');
}
