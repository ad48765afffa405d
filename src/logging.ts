/**
 * Structured JSON logs on stderr (pino), so stdout stays the console's conversation.
 *
 * Secrets are redacted by field name wherever a log call passes them, at the top level or one
 * object down (`{ token }`, `{ config: { clientSecret } }`), and in request and response
 * headers: bot and app tokens, OAuth client and state secrets, Slack's signing secret, OAuth
 * `code` and `state`, passwords, and Authorization and Cookie headers. Redaction goes by field
 * name only: a secret inside a message string, or deeper in an object, is not found, so code
 * must not log whole request bodies or libraries' raw debug text (see docs/SECURITY.md).
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** Field names whose values never reach the log. */
const SECRET_FIELDS = [
  'token',
  'botToken',
  'appToken',
  'userToken',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'signingSecret',
  'stateSecret',
  'secret',
  'password',
];

/**
 * OAuth's `code` and `state` where a request carries them. Not `code` alone: error and gateway
 * close codes (Discord 4014, Slack's error codes) are what a log is read for.
 */
const OAUTH_FIELDS = ['code', 'state'].flatMap((field) =>
  ['query', 'params', 'body', 'searchParams', 'oauth'].flatMap((holder) => [
    `${holder}.${field}`,
    `*.${holder}.${field}`,
  ]),
);

/** Header names, as Node (lower case) and as libraries often spell them. */
const SECRET_HEADERS = ['authorization', 'Authorization', 'cookie', 'Cookie', 'set-cookie'];

export const REDACTED_PATHS: readonly string[] = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  ...OAUTH_FIELDS,
  ...SECRET_HEADERS.flatMap((header) => [
    `headers["${header}"]`,
    `*.headers["${header}"]`,
    `*.*.headers["${header}"]`,
  ]),
];

export const REDACTED = '[redacted]';

export function createLogger(
  level: string,
  destination: DestinationStream = pino.destination(2),
): PinoLogger {
  return pino(
    { level, base: { app: 'twinbridge' }, redact: { paths: [...REDACTED_PATHS], censor: REDACTED } },
    destination,
  );
}
