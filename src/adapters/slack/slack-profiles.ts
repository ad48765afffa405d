/**
 * Who is acting, as the core sees them: the Slack user with their display name, Slack language
 * and whether they administer the workspace (users.info `is_admin` / `is_owner`, or the user who
 * installed the app). Cached for 5 minutes so a busy channel does not ask Slack on every click,
 * and an admin whose rights were taken away loses them here soon. A lookup is waited for only
 * briefly: Slack allows 3 s for an answer, so a slow one falls back to the payload's user name
 * (and no admin right: a refusal the person can retry beats a right nobody confirmed).
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
  /** Workspace admin or owner, as users.info says. */
  admin: boolean;
  /** The profile picture Slack serves publicly (image_192), for relayed copies. */
  avatarUrl?: string | undefined;
}

/** Who wrote a message, as a relayed copy names them. */
export interface SlackAuthor {
  displayName: string;
  avatarUrl?: string;
}

export interface SlackProfilesOptions {
  clock: Clock;
  logger: Logger;
  /** How long a person's Slack name, language and admin right are reused (default 5 min). */
  ttlMs?: number;
  /** The user who installed the app in a workspace, who administers it for Twinbridge too. */
  installerOf?: (teamId: string) => Promise<string | undefined>;
  /** The timer waits for a lookup run on (real by default). */
  timer?: DeadlineTimer;
}

/** How long a request waits for users.info by default. */
export const PROFILE_LOOKUP_MS = 1500;
const CACHE_MAX = 10_000;
/** How long a looked-up profile (name, language, admin right) is reused. */
const PROFILE_TTL_MS = 5 * 60 * 1000;
/** After a failed lookup (no users:read, or Slack hiccups) Slack is asked again this soon. */
const FAILED_LOOKUP_TTL_MS = 60_000;

export class SlackProfiles {
  private readonly cache = new Map<string, { profile: Profile; until: number }>();

  constructor(private readonly options: SlackProfilesOptions) {}

  /** The acting person, with their Slack name and language when known within `waitMs`. */
  async identify(client: WebClient, who: SlackPerson, waitMs = PROFILE_LOOKUP_MS): Promise<Identified> {
    const [profile, installer] = await Promise.all([
      within(this.profile(client, who.teamId, who.userId), waitMs, this.options.timer),
      within(this.installer(who.teamId), waitMs, this.options.timer),
    ]);
    return {
      actor: {
        platform: 'SLACK',
        communityExternalId: who.teamId,
        communityName: who.teamName ?? who.teamId,
        userId: who.userId,
        displayName: profile?.name ?? who.userName ?? who.userId,
        communityAdmin: profile?.admin === true || (installer !== undefined && installer === who.userId),
      },
      locale: profile?.locale,
    };
  }

  /** The Slack names of these members, as far as Slack tells within `waitMs` (cached as profiles are). */
  async namesOf(
    client: WebClient,
    teamId: string,
    userIds: readonly string[],
    waitMs = PROFILE_LOOKUP_MS,
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    await Promise.all(
      userIds.map(async (userId) => {
        const profile = await within(this.profile(client, teamId, userId), waitMs, this.options.timer);
        if (profile?.name) names.set(userId, profile.name);
      }),
    );
    return names;
  }

  /** A message's author: Slack name and picture when told within `waitMs`, else the user id. */
  async author(
    client: WebClient,
    teamId: string,
    userId: string,
    waitMs = PROFILE_LOOKUP_MS,
  ): Promise<SlackAuthor> {
    const profile = await within(this.profile(client, teamId, userId), waitMs, this.options.timer);
    return {
      displayName: profile?.name ?? userId,
      ...(profile?.avatarUrl ? { avatarUrl: profile.avatarUrl } : {}),
    };
  }

  private async installer(teamId: string): Promise<string | undefined> {
    try {
      return await this.options.installerOf?.(teamId);
    } catch (error) {
      this.options.logger.warn({ err: error, team: teamId }, 'Slack installation lookup failed');
      return undefined;
    }
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
        profile: {
          name: name || undefined,
          locale: user?.locale || undefined,
          admin: user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true,
          avatarUrl: user?.profile?.image_192 || user?.profile?.image_72 || undefined,
        },
        ttlMs: this.options.ttlMs ?? PROFILE_TTL_MS,
      };
    } catch (error) {
      // Without users:read (or while Slack hiccups) the payload's name is used.
      this.options.logger.debug({ err: error, user: userId }, 'Slack users.info failed');
      return { profile: { name: undefined, locale: undefined, admin: false }, ttlMs: FAILED_LOOKUP_TTL_MS };
    }
  }
}
