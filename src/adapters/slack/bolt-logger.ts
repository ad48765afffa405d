/**
 * Bolt's logger interface over the project's (pino-style) logger. Bolt and the Slack Web API
 * client log text, not fields, so pino's field redaction never sees what they pass: with
 * `LOG_LEVEL=debug` their lines hold request bodies (the OAuth client secret and code, message
 * text), install URLs (the OAuth state) and acknowledgements. Each line is cleaned here: the
 * configured secrets and secret shapes taken out, message text reduced to its length, and the
 * line capped.
 */
import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';
import { textRedactor } from '../../log-redaction.ts';

/** Enough for any status or error line; request and response dumps are cut. */
export const BOLT_LINE_CAP = 1000;

/** JSON string values that hold what people wrote (messages, modal inputs, search terms). */
const MESSAGE_TEXT = /"(text|value|query|plain_text)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/** `secrets`: the configured values (tokens, signing, client and state secrets) to take out. */
export function boltLogger(logger: Logger, secrets: readonly (string | undefined)[] = []): BoltLogger {
  const redact = textRedactor(secrets);
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]): void => {
      logger[level]({ component: 'slack' }, cleanLine(format(...msg), redact));
    };
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

function cleanLine(text: string, redact: (text: string) => string): string {
  const cleaned = redact(text).replace(
    MESSAGE_TEXT,
    (_match, key: string, value: string) => `"${key}":"[${value.length} characters]"`,
  );
  if (cleaned.length <= BOLT_LINE_CAP) return cleaned;
  return `${cleaned.slice(0, BOLT_LINE_CAP)}… (${cleaned.length - BOLT_LINE_CAP} more characters)`;
}
