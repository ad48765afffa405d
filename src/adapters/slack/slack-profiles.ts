/**
 * Who is acting, as the core sees them: the Slack user with their display name and Slack language
 * (users.info), cached for an hour so a busy channel does not ask Slack on every click. A lookup
 * is waited for only briefly: Slack allows 3 s for an answer, so a slow one falls back to the
 * payload's user name.
 */
import type { webApi } from '@slack/bolt';
import { within, type DeadlineTimer } from '../../core/async/deadline.ts';
import type { Actor } from '../../core/commands/invocation.ts';
import type { Clock, Logger } from '../../core/ports.ts';

type WebClient = webApi.WebClient;

/** The acting person and the language Slack knows for them. */
export interface Identified {
  actor: Actor;
  locale: string | undefined;
}

/** The person behind a request, as its payload names them. */
export interface SlackPerson {
  teamId: string;
  teamName?: string | undefined;
  userId: string;
  userName?: string | undefined;
}

interface Profile {
  name: string | undefined;
  locale: string | undefined;
}

export interface SlackProfilesOptions {
  clock: Clock;
  logger: Logger;
  /** How long a person's Slack name and language are reused (default 1 h). */
  ttlMs?: number;
  /** The timer waits for a lookup run on (real by default). */
  timer?: DeadlineTimer;
}

/** How long a request waits for users.info by default. */
export const PROFILE_LOOKUP_MS = 1500;
const CACHE_MAX = 10_000;
/** After a failed lookup (no users:read, or Slack hiccups) Slack is asked again this soon. */
const FAILED_LOOKUP_TTL_MS = 60_000;

export class SlackProfiles {
  private readonly cache = new Map<string, { profile: Profile; until: number }>();

  constructor(private readonly options: SlackProfilesOptions) {}

  /** The acting person, with their Slack name and language when known within `waitMs`. */
  async identify(client: WebClient, who: SlackPerson, waitMs = PROFILE_LOOKUP_MS): Promise<Identified> {
    const profile = await within(this.profile(client, who.teamId, who.userId), waitMs, this.options.timer);
    return {
      actor: {
        platform: 'SLACK',
        communityExternalId: who.teamId,
        communityName: who.teamName ?? who.teamId,
        userId: who.userId,
        displayName: profile?.name ?? who.userName ?? who.userId,
      },
      locale: profile?.locale,
    };
  }

  private async profile(client: WebClient, teamId: string, userId: string): Promise<Profile> {
    const key = `${teamId}:${userId}`;
    const now = this.options.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.profile;
    const { profile, ttlMs } = await this.lookUp(client, userId);
    if (this.cache.size >= CACHE_MAX) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, { profile, until: now + ttlMs });
    return profile;
  }

  private async lookUp(client: WebClient, userId: string): Promise<{ profile: Profile; ttlMs: number }> {
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const name = user?.profile?.display_name || user?.real_name || user?.name;
      return {
        profile: { name: name || undefined, locale: user?.locale || undefined },
        ttlMs: this.options.ttlMs ?? 60 * 60 * 1000,
      };
    } catch (error) {
      // Without users:read (or while Slack hiccups) the payload's name is used.
      this.options.logger.debug({ err: error, user: userId }, 'Slack users.info failed');
      return { profile: { name: undefined, locale: undefined }, ttlMs: FAILED_LOOKUP_TTL_MS };
    }
  }
}
