/** Structured JSON logs on stderr (pino), so stdout stays the console's conversation. */
import { pino, type Logger as PinoLogger } from 'pino';

export function createLogger(level: string): PinoLogger {
  return pino({ level, base: { app: 'twinbridge' } }, pino.destination(2));
}
