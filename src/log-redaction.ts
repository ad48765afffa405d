/**
 * Redaction inside text: what field-name redaction (pino `redact`) cannot reach. Libraries log
 * strings (Bolt's debug lines carry request bodies, install URLs with the OAuth state, the
 * `oauth.v2.access` form with the client secret and code) and errors carry messages. Two nets:
 * the configured secret values themselves, wherever they appear, and the shapes secrets take
 * (Slack tokens, OAuth parameters in URLs, forms and JSON, bearer and DeepL credentials, the
 * translation services' api_key).
 */
export const REDACTED = '[redacted]';

/** Shorter values would match ordinary text; every real secret here is far longer. */
const MIN_SECRET_LENGTH = 8;

/** Parameter names whose values are credentials, in a query string, a form or JSON. */
const SECRET_PARAMS = [
  'code',
  'state',
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'bot_token',
  'app_token',
  'signing_secret',
  // LibreTranslate's key goes in the request body as api_key; DeepL's old form parameter.
  'api_key',
  'auth_key',
].join('|');

const PATTERNS: readonly [RegExp, string][] = [
  // Slack bot, user, app-level, refresh and configuration tokens.
  [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g, REDACTED],
  // ?code=…&state=… in a URL, client_secret=… in a form body.
  [new RegExp(`\\b(${SECRET_PARAMS})=[^&\\s"'<>]+`, 'gi'), `$1=${REDACTED}`],
  // "client_secret":"…" in JSON (string values only: numeric error and close codes stay).
  [new RegExp(`"(${SECRET_PARAMS})"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `"$1":"${REDACTED}"`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  // DeepL's Authorization header.
  [/\b(DeepL-Auth-Key)\s+[A-Za-z0-9:._-]+/g, `$1 ${REDACTED}`],
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A function that takes every configured secret value and every known secret shape out of text. */
export function textRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const values = [...new Set(secrets.filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH))]
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const configured = values.length ? new RegExp(values.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    let out = configured ? text.replace(configured, REDACTED) : text;
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}
