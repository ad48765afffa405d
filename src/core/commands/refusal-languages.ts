/**
 * What decides a person's language (their profile's first language, their town's), as read at
 * their last command, remembered by the command bus so that input the
 * validator refuses (most bad input, often retyped at once) is answered without a database
 * round trip. A person's language comes from their profile and their town, both of one
 * community: any command that goes through in a community forgets what was remembered there,
 * and an entry expires after a few minutes, for changes made by another process.
 */
import type { Actor } from './invocation.ts';

const REMEMBERED_MS = 5 * 60_000;
/** Enough for every person active in a few minutes; the oldest go first beyond it. */
const MAX_ENTRIES = 10_000;

type Who = Pick<Actor, 'platform' | 'communityExternalId' | 'userId'>;

/** The person's and their town's language as stored; the platform locale is added per request. */
export interface LanguagePreference {
  person?: string | undefined;
  town?: string | undefined;
}

export class RefusalLanguages {
  private readonly entries = new Map<string, { preference: LanguagePreference; at: number }>();

  remember(who: Who, preference: LanguagePreference, now: Date): void {
    const key = keyOf(who);
    this.entries.delete(key);
    this.entries.set(key, { preference, at: now.getTime() });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** The remembered preference, or undefined when there is none or it is too old. */
  recall(who: Who, now: Date): LanguagePreference | undefined {
    const entry = this.entries.get(keyOf(who));
    if (!entry || now.getTime() - entry.at > REMEMBERED_MS) return undefined;
    return entry.preference;
  }

  /** Forgets everyone of the community: a command there may have changed a profile or the town. */
  forgetCommunity(who: Pick<Actor, 'platform' | 'communityExternalId'>): void {
    const prefix = `${who.platform}\u0000${who.communityExternalId}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

function keyOf(who: Who): string {
  return `${who.platform}\u0000${who.communityExternalId}\u0000${who.userId}`;
}
