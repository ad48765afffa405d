/**
 * The emulator's members, webhooks and reactions (member-actions.ts, webhooks.ts), and its faults
 * and observation: what tests make people do, what they make fail, and what they read back
 * (discord-emulator.ts is the whole facade).
 */
import type { APIMessage, APIWebhook } from 'discord.js';

import type { MessageView } from './channel-view.ts';
import { messageView } from './channel-view.ts';
import type { EmulatorParts } from './emulator-parts.ts';
import { EmulatorWorld } from './emulator-world.ts';
import type { Fault, FaultHandle, RandomFaultOptions, RouteMatch } from './faults.ts';
import { matchesRoute } from './faults.ts';
import type { PrivilegedIntents } from './intents.ts';
import type { MemberWriteInput, ThreadStartInput } from './member-actions.ts';
import type { RequestRecord } from './rest-api.ts';

export class EmulatorObservation extends EmulatorWorld {
  protected constructor(parts: EmulatorParts) {
    super(parts);
  }

  // ---- members, webhooks, reactions (member-actions.ts, webhooks.ts) ---------

  /** A member writes in a channel (or a thread under it): stored, and MESSAGE_CREATE goes out. */
  memberWrites(input: MemberWriteInput): APIMessage {
    return this.parts.activity.writes(input);
  }

  /** The member who wrote it edits it: MESSAGE_UPDATE. */
  memberEdits(messageId: string, content: string): APIMessage {
    return this.parts.activity.edits(messageId, content);
  }

  /** The member who wrote it deletes it: MESSAGE_DELETE. */
  memberDeletes(messageId: string): void {
    this.parts.activity.deletes(messageId);
  }

  /** MESSAGE_REACTION_ADD; `emoji` is a Unicode emoji or `name:id`. */
  memberReacts(messageId: string, user: string, emoji: string): void {
    this.parts.activity.reacts(messageId, user, emoji);
  }

  /** MESSAGE_REACTION_REMOVE. */
  memberUnreacts(messageId: string, user: string, emoji: string): void {
    this.parts.activity.unreacts(messageId, user, emoji);
  }

  /** A member starts a public thread (THREAD_CREATE); returns its id (the message's, when started from one). */
  memberStartsThread(input: ThreadStartInput): string {
    return this.parts.activity.startsThread(input);
  }

  /**
   * Discord archives a thread (its auto-archive duration of inactivity passed, or a member archived
   * it): THREAD_UPDATE, and it is no longer among the active threads. Members can then only delete
   * messages there; writing in it unarchives it.
   */
  threadArchives(thread: string): void {
    this.parts.activity.archivesThread(thread);
  }

  /** Flips a privileged intent on the Developer Portal; sessions already identified keep their intents. */
  setPrivilegedIntent(intent: keyof PrivilegedIntents, enabled: boolean): void {
    this.parts.privileged[intent] = enabled;
  }

  /**
   * Grants a permission to the bot's role in a guild (default the first), or takes it away in every
   * channel whatever @everyone gives (a member overwrite): GUILD_ROLE_UPDATE and CHANNEL_UPDATEs follow.
   */
  setBotPermission(permission: bigint, granted: boolean, guild?: string): void {
    const g = this.parts.state.requireGuild(guild);
    const role = this.parts.state.roles.get(g.botRoleId);
    if (!role) throw new Error('Discord emulator: the bot has no role');
    role.permissions = granted ? role.permissions | permission : role.permissions & ~permission;
    g.botDenied = granted ? g.botDenied & ~permission : g.botDenied | permission;
    this.parts.events.permissionsChanged(g, role);
  }

  /** Webhooks of a channel (id or name), with their tokens. */
  webhooks(channel: string): APIWebhook[] {
    const id = this.parts.state.requireChannel(channel).id;
    return this.parts.webhooks.list(id).map((w) => this.parts.webhooks.api(w));
  }

  /** What a channel (id or name; a thread too) shows, oldest first. */
  channelView(channel: string, options: { includeDeleted?: boolean } = {}): MessageView[] {
    const id = this.parts.state.requireChannel(channel).id;
    return this.parts.messages
      .list(id, { includeDeleted: options.includeDeleted })
      .map((r) => messageView(r, this.parts.webhooks, this.parts.reactions));
  }

  /** One message as its channel shows it, deleted ones included. */
  messageView(id: string): MessageView | undefined {
    const record = this.parts.messages.any(id);
    return record && messageView(record, this.parts.webhooks, this.parts.reactions);
  }

  // ---- faults and observation -----------------------------------------------

  /** The next `times` requests matching `match` get `fault` instead of an answer. */
  failNext(match: RouteMatch, fault: Fault, times = 1): FaultHandle {
    return this.parts.faults.failNext(match, fault, times);
  }

  /** Seeded random faults on a fraction of matching requests (default: channel posts). */
  randomFaults(options: RandomFaultOptions): FaultHandle {
    return this.parts.faults.random(options);
  }

  clearFaults(): void {
    this.parts.faults.clear();
  }

  /**
   * Resolves once no client is connected to the REST API and no request is being answered: all a
   * client sent before it went away has been handled. (A living discord.js client keeps its
   * connections open, so this is for clients that stopped or died.)
   */
  restQuiet(): Promise<void> {
    return this.parts.rest.quiet();
  }

  /** Logged REST requests, oldest first, optionally filtered. */
  requests(match?: RouteMatch): RequestRecord[] {
    const log = this.parts.rest.log();
    return match === undefined ? [...log] : log.filter((r) => matchesRoute(match, r));
  }

  requestCount(match?: RouteMatch): number {
    return this.requests(match).length;
  }

  /** Request counts keyed `METHOD /route/:template`. */
  routeCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.parts.rest.log()) {
      const key = `${r.method} ${r.route}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** Answers counting towards Discord's 10,000-per-10-minutes invalid request ban (401, 403, 429). */
  invalidRequestCount(): number {
    return this.parts.rest.log().filter((r) => r.invalid).length;
  }

  /** The first logged request (existing or future) matching, e.g. to sync on a retry. */
  waitForRequest(match: RouteMatch & { status?: number }, timeoutMs?: number): Promise<RequestRecord> {
    return this.parts.waiters.until(
      () =>
        this.parts.rest
          .log()
          .find((r) => matchesRoute(match, r) && (match.status === undefined || r.status === match.status)),
      `a ${match.method ?? ''} request to ${String(match.route ?? 'any route')}`,
      timeoutMs,
    );
  }
}
