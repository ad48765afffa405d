export type { TimeError, WhenResult } from './time-error.ts';
export { parseWhen, type ParseWhenOptions } from './parse-when.ts';
export { phraseLocale } from './phrases/phrase-readers.ts';
export { isValidTimeZone, normalizeTimeZone } from './time-zone.ts';
export { formatInstant, formatRange, type FormatStyle } from './format-instant.ts';
export { localDateTimeInput } from './local-date-time-input.ts';
