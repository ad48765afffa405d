/**
 * Ids of console messages: short where the console prints them (`msg-1`, `console-2`), unique in
 * the database across runs, since each run counts from 1 again on the same data directory and
 * the relay finds messages by id (docs/RELAY.md).
 */
import { randomBytes } from 'node:crypto';

const RUN = randomBytes(3).toString('hex');
const SHORT = /^(msg|console)-\d+$/;

/** The id kept for one this run prints or a member types; an earlier run's full id stays as is. */
export const storedId = (shown: string): string => (SHORT.test(shown) ? `${RUN}.${shown}` : shown);

/** What the console prints for a kept id: this run's without the run's tag. */
export const shownId = (stored: string): string =>
  stored.startsWith(`${RUN}.`) ? stored.slice(RUN.length + 1) : stored;
