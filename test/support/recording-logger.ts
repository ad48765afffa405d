import type { Logger } from '../../src/core/ports.ts';

/** One line the code under test logged. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  details: Record<string, unknown>;
}

/** A Logger that keeps every line, so a test can read what was logged (a reference, a warning). */
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (details: object, message: string): void => {
      entries.push({ level, message, details: details as Record<string, unknown> });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
