/**
 * Reminder times as coordinators type them (7d, 1d, 1h, 30m, 2w) and as the partnership stores
 * them: minutes before an exchange starts, longest first. A minute is a real minute, so "1d" is
 * 24 hours before the start even when the clocks change in between.
 */
import type { SupportedLanguage } from '../i18n/languages.ts';
import { translate } from '../i18n/translator.ts';

export const MIN_REMINDER_OFFSET_MINUTES = 5;
export const MAX_REMINDER_OFFSET_MINUTES = 8 * 7 * 24 * 60;
export const MAX_REMINDER_OFFSETS = 5;

const UNIT_MINUTES = { w: 7 * 24 * 60, d: 24 * 60, h: 60, m: 1 } as const;

export type OffsetsResult =
  | { ok: true; minutes: number[] }
  | { ok: false; error: 'bad-offset' | 'out-of-range'; offset: string }
  | { ok: false; error: 'too-many'; max: number };

/** Reads `7d,1d,1h`; `off` (or `none`) alone turns reminders off. */
export function parseReminderOffsets(items: readonly string[]): OffsetsResult {
  const words = items.map((item) => item.trim()).filter((item) => item !== '');
  if (words.length === 1 && /^(off|none)$/i.test(words[0] ?? '')) return { ok: true, minutes: [] };
  const minutes = new Set<number>();
  for (const word of words) {
    const match = /^(\d{1,6})\s*([wdhm])$/i.exec(word);
    if (!match) return { ok: false, error: 'bad-offset', offset: word };
    const unit = (match[2] ?? 'm').toLowerCase() as keyof typeof UNIT_MINUTES;
    const value = Number(match[1]) * UNIT_MINUTES[unit];
    if (value < MIN_REMINDER_OFFSET_MINUTES || value > MAX_REMINDER_OFFSET_MINUTES)
      return { ok: false, error: 'out-of-range', offset: word };
    minutes.add(value);
  }
  if (minutes.size === 0) return { ok: false, error: 'bad-offset', offset: items.join(',') };
  if (minutes.size > MAX_REMINDER_OFFSETS) return { ok: false, error: 'too-many', max: MAX_REMINDER_OFFSETS };
  return { ok: true, minutes: [...minutes].sort((a, b) => b - a) };
}

/** An offset in its largest whole unit: 1440 is 1 day, 90 is 90 minutes. */
export function offsetUnit(minutes: number): { unit: 'days' | 'hours' | 'minutes'; count: number } {
  if (minutes % (24 * 60) === 0) return { unit: 'days', count: minutes / (24 * 60) };
  if (minutes % 60 === 0) return { unit: 'hours', count: minutes / 60 };
  return { unit: 'minutes', count: minutes };
}

/** `7 days, 1 day and 1 hour` in the reader's language. */
export function formatOffsets(offsetsMinutes: readonly number[], language: SupportedLanguage): string {
  const parts = offsetsMinutes.map((minutes) => translate(language, 'reminder.offset', offsetUnit(minutes)));
  // Plain English lists as British English does elsewhere in the bot: no serial comma.
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : language, { type: 'conjunction' }).format(parts);
}
