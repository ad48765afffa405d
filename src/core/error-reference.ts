import { randomBytes } from 'node:crypto';

/**
 * A short reference for an unexpected error: the person is shown it, the log line carries it, so
 * an operator finds the one from the other. Eight hex characters: unique enough among one
 * instance's errors, short enough to read out on the phone.
 */
export function newErrorReference(): string {
  return randomBytes(4).toString('hex');
}
