import { IANAZone } from 'luxon';

/**
 * Primary IANA names that ICU (and so `Intl.supportedValuesOf`) still lists under an older
 * spelling (Asia/Calcutta, Europe/Kiev, ...), plus the UTC/Etc and legacy rule names it leaves
 * out. Without them `asia/kolkata` could only be normalized to the old name.
 */
const NAMES_MISSING_FROM_ICU = [
  'UTC',
  'Etc/UTC',
  'Etc/GMT',
  ...Array.from({ length: 12 }, (_, i) => `Etc/GMT+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `Etc/GMT-${i + 1}`),
  'Africa/Asmara',
  'America/Argentina/Buenos_Aires',
  'America/Argentina/Catamarca',
  'America/Argentina/Cordoba',
  'America/Argentina/Jujuy',
  'America/Argentina/Mendoza',
  'America/Atikokan',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'America/Nuuk',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Yangon',
  'Atlantic/Faroe',
  'Europe/Kyiv',
  'Pacific/Chuuk',
  'Pacific/Kanton',
  'Pacific/Pohnpei',
  'CET',
  'CST6CDT',
  'EET',
  'EST',
  'EST5EDT',
  'HST',
  'MET',
  'MST',
  'MST7MDT',
  'PST8PDT',
  'WET',
];

let byLowerCase: Map<string, string> | undefined;

function spellings(): Map<string, string> {
  if (!byLowerCase) {
    byLowerCase = new Map();
    for (const name of [...Intl.supportedValuesOf('timeZone'), ...NAMES_MISSING_FROM_ICU]) {
      byLowerCase.set(name.toLowerCase(), name);
    }
  }
  return byLowerCase;
}

/**
 * True for a time zone name the runtime knows (`Europe/Prague`, also in other casing, and the
 * tz database's aliases such as `US/Central`). Offsets (`+02:00`) and padded strings are not zones.
 */
export function isValidTimeZone(zone: string): boolean {
  // Newer runtimes accept offset strings as Intl time zones; an offset is not a place's zone.
  if (zone === '' || zone.trim() !== zone || /^[+\-\u2212\d]/.test(zone)) return false;
  return IANAZone.isValidZone(zone);
}

/**
 * The zone's canonical spelling (`europe/prague` -> `Europe/Prague`), or null when it is not a
 * zone. Surrounding whitespace is ignored, since people paste names.
 */
export function normalizeTimeZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (!isValidTimeZone(trimmed)) return null;
  const known = spellings().get(trimmed.toLowerCase());
  if (known !== undefined) return known;
  // An alias outside the list (us/central): ICU names it, possibly as the zone it links to
  // (America/Chicago), which has the same rules.
  return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
}
