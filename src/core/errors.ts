import type { MessageKey, MessageParams } from './i18n/translator.ts';

/**
 * A problem the person can fix: always safe to show, always translated.
 * Anything that is not a UserError is a bug and answers with a reference instead.
 */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}

/** Thrown by repositories when a unique constraint rejects a write (a race lost, a duplicate). */
export class ConflictError extends Error {
  constructor(readonly target: string) {
    super(`conflict on ${target}`);
    this.name = 'ConflictError';
  }
}

/** Thrown by repositories when a row a write needed is gone (deleted meanwhile by someone else). */
export class NotFoundError extends Error {
  constructor(readonly target: string) {
    super(`not found: ${target}`);
    this.name = 'NotFoundError';
  }
}

/**
 * The database cannot be reached at the moment (restarted, its connections cut, down): a
 * command is answered "try again in a moment", the outbox waits. Thrown by the Store.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the database is not reachable', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}
