/**
 * Why a typed time could not be turned into an instant. Plain data, no thrown errors: the command
 * layer maps each code to a translated message (see `time.*` keys in the catalogs).
 */
export type TimeError =
  | { code: 'time.unparseable'; input: string }
  | { code: 'time.nonexistent'; local: string; zone: string }
  | { code: 'time.ambiguous'; local: string; zone: string; earlier: Date; later: Date }
  | { code: 'time.unknown-zone'; zone: string };

export type WhenResult = { ok: true; instant: Date } | { ok: false; error: TimeError };
