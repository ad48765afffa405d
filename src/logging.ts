/**
 * Structured JSON logs on stderr (pino), so stdout stays the console's conversation.
 *
 * Secrets are redacted by field name wherever a log call passes them, at the top level or one
 * object down (`{ token }`, `{ config: { clientSecret } }`), and in request and response
 * headers: bot and app tokens, OAuth client and state secrets, Slack's signing secret, the
 * translation services' API keys, OAuth `code` and `state`, passwords, and Authorization and
 * Cookie headers. Redaction goes by field
 * name only: a secret inside a message string, or deeper in an object, is not found, so code
 * must not log whole request bodies or libraries' raw debug text (see docs/SECURITY.md).
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { REDACTED, textRedactor } from './log-redaction.ts';

export { REDACTED };

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
  // The translation services' keys (LibreTranslate's api_key, DeepL's).
  'apiKey',
  'api_key',
  'authKey',
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

/**
 * `secrets` are the configured secret values (tokens, signing, client and state secrets): they
 * and the shapes of secrets are also taken out of messages and errors, where field names do not
 * help. An error's `requestBody` (discord.js keeps the message it failed to post) is left out.
 */
export function createLogger(
  level: string,
  destination: DestinationStream = pino.destination(2),
  secrets: readonly (string | undefined)[] = [],
): PinoLogger {
  const redact = textRedactor(secrets);
  return pino(
    {
      level,
      base: { app: 'twinbridge' },
      redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((arg: unknown) => (typeof arg === 'string' ? redact(arg) : arg));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      serializers: { err: (error: unknown) => serializeError(error, redact) },
    },
    destination,
  );
}

function serializeError(error: unknown, redact: (text: string) => string): unknown {
  if (!(error instanceof Error)) return error;
  const serialized: Record<string, unknown> = { ...pino.stdSerializers.err(error) };
  if ('requestBody' in serialized) serialized.requestBody = '[omitted]';
  return JSON.parse(redact(JSON.stringify(serialized))) as unknown;
}
