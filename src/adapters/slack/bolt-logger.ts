/** Bolt's logger interface over the project's (pino-style) logger. */
import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';

export function boltLogger(logger: Logger): BoltLogger {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]): void => {
      logger[level]({ component: 'slack' }, format(...msg));
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
