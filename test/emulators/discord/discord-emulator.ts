/**
 * Local Discord emulator for driving the unmodified discord.js Client over loopback.
 *
 *   const discord = await DiscordEmulator.start();                  // REST + gateway, random ports
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
 *   await client.login('any-token');                                // GET /gateway/bot, IDENTIFY, READY
 *   const run = discord.slashCommand({ name: 'twin', subcommand: 'join', options: { town: 'Lyon' } });
 *   const cb = await run.response();         // { type: 4, data: { content, flags }, withinDeadline, message }
 *   await run.followUp(0); await run.edit(0); run.outcome();         // later webhook traffic
 *   discord.messages('general');                                     // channel posts (name or id)
 *   discord.failNext({ method: 'POST', route: '/channels/:channel_id/messages' },
 *                    { type: 'rate-limit', retryAfter: 0.2 });      // next post answers 429
 *   await client.destroy(); await discord.stop();                    // client first
 *
 * World: one guild "Twin Town" (#general, #announcements; members alice, bruno fr) unless
 * `guilds` is given; the bot is a member with a managed role. Look ids up with
 * guild()/channelId()/userId()/roleId(). Channel `access` ('read-only' | 'no-access')
 * and user `dmsClosed` give Discord's real 50013/50001/50007 answers.
 *
 * Gateway: HELLO, IDENTIFY -> READY + one GUILD_CREATE per guild of the session's shard
 * (shards.ts: guild_id >> 22 % count; DMs on shard 0; 4010/4011 refusals), heartbeat ACKs,
 * sequence numbers, RESUME on `resume_gateway_url` with replay (or INVALID_SESSION).
 * dropGateway({ mode }) closes/terminates/sends RECONNECT or INVALID_SESSION; its
 * `reconnected()` resolves 'resumed' | 'identified'. Interactions delivered while the
 * client is away are replayed on resume, as on Discord.
 *
 * Interactions: slashCommand, autocomplete, buttonClick, selectMenu, modalSubmit,
 * submitModal(handle, fields). Options are typed from the commands the bot registered
 * (PUT .../commands), and invalid input throws in the test. The handle records the
 * callback (with latency and whether it met the 3 s deadline; late ones get 10062),
 * follow-ups, edits and deletions. A follow-up right after a deferral edits the
 * original, as documented.
 *
 * REST: channel messages (nonce + enforce_nonce dedup, embed/content/component limits,
 * replies, allowed_mentions, multipart files), DMs, commands (bulk overwrite with
 * validation, ids kept by name), guild reads. Every answer carries X-RateLimit-* headers;
 * buckets are 50 per second per route unless `routeLimits` says otherwise, and
 * `globalRateLimit` enforces a requests-per-second cap with `global: true` 429s.
 * Retry-After is whole seconds as on Discord: discord.js waits on it for shared and
 * global 429s, and on X-RateLimit-Reset-After (fractional) for user-scope ones.
 *
 * Channels for relay tests (member-actions.ts, webhooks.ts, channel-view.ts; docs/TESTING.md):
 * memberWrites / memberEdits / memberDeletes / memberReacts / memberUnreacts / memberStartsThread
 * dispatch MESSAGE_* / MESSAGE_REACTION_* / THREAD_CREATE by intent; `privilegedIntents` and
 * setPrivilegedIntent are the app's portal switches (4014 on IDENTIFY, blank content without
 * Message Content); setBotPermission; channel webhooks (create, execute, edit, delete), bot
 * reactions, threads and history pages over REST; channelView / messageView / webhooks to assert.
 *
 * Faults: failNext(match, fault, times), randomFaults({ rate, seed }), setChannelAccess,
 * setDmsClosed, setHeartbeatAcks(false). Observation: requests(match), requestCount,
 * routeCounts(), invalidRequestCount(), waitForRequest, waitForMessage, gatewayStats,
 * waitForGatewayStats, gatewayPayloads. userMessage() posts as a human (MESSAGE_CREATE).
 *
 * discord.js facts the adapter must live with (seen against this emulator):
 * - DM channels are cached only with `partials: [Partials.Channel]`; without it a DM
 *   interaction has `channelId` but `channel === null` (replying still works).
 * - `ephemeral: true` is deprecated (warning): use `flags: MessageFlags.Ephemeral`.
 * - `channel.send({ nonce, enforceNonce: true })`, or client option `enforceNonce: true`
 *   to get a generated nonce on every send; the nonce must be <= 25 characters.
 * - REST retries 5xx up to 3 times at once, then throws HTTPError; 4xx throw
 *   DiscordAPIError with `code`, `status` and `rawError.errors`.
 * - Re-IDENTIFY is throttled to one per 5 s (max_concurrency 1): a non-resumable
 *   reconnect takes about 5 s unless `ws.buildIdentifyThrottler` is replaced.
 */

import { randomBytes } from 'node:crypto';

import type { APIApplicationCommand, APIMessage, APIWebhook, GatewayReadyDispatchData } from 'discord.js';
import { GatewayDispatchEvents } from 'discord.js';

import type { MessageView } from './channel-view.ts';
import type {
  DiscordEmulatorOptions,
  GatewayDrop,
  GuildSummary,
  MessageMatch,
  UserMessageInput,
} from './emulator-options.ts';
import { messageView } from './channel-view.ts';

import { CommandStore } from './commands.ts';
import type { Fault, FaultHandle, RandomFaultOptions, RouteMatch } from './faults.ts';
import { FaultInjector, matchesRoute } from './faults.ts';
import type {
  GatewayDropOptions,
  GatewayOutage,
  GatewayPayloadRecord,
  GatewaySession,
  GatewayStats,
} from './gateway-types.ts';
import { GatewayServer } from './gateway.ts';
import { shardReceives } from './shards.ts';
import type {
  Actor,
  AutocompleteInput,
  ComponentInput,
  InteractionHandle,
  ModalSubmitInput,
  SelectInput,
  SlashCommandInput,
} from './interactions.ts';
import type { PrivilegedIntents } from './intents.ts';
import { applicationFlags, disallowedIntents, NO_PRIVILEGED_INTENTS } from './intents.ts';
import { InteractionRegistry } from './interactions.ts';
import type { MemberWriteInput, ThreadStartInput } from './member-actions.ts';
import { ChannelActivity } from './member-actions.ts';
import type { MessageEventKind } from './message-events.ts';
import { MessageEvents } from './message-events.ts';
import type { MessageRecord } from './messages.ts';
import { AttachmentCdn } from './attachment-cdn.ts';
import { MessageStore } from './messages.ts';
import { ReactionStore } from './reactions.ts';
import { RateLimiter } from './rate-limits.ts';
import type { RequestRecord } from './rest-api.ts';
import { RestServer } from './rest-api.ts';
import { SnowflakeGenerator } from './snowflake.ts';
import type { ChannelAccess, UserInput } from './state.ts';
import { DEFAULT_GUILD, DiscordState } from './state.ts';
import { Waiters } from './wait.ts';
import { WebhookStore } from './webhooks.ts';

export type { AttachmentView, MessageView } from './channel-view.ts';
export { EXECUTE_WEBHOOK } from './faults.ts';
export type { PrivilegedIntents } from './intents.ts';
export type { MemberAttachment, MemberWriteInput, ThreadStartInput } from './member-actions.ts';
export type { ReactionSummary } from './reactions.ts';

export type { OptionValue } from './commands.ts';
export type { Fault, FaultHandle, RandomFaultOptions, RouteMatch } from './faults.ts';
export type {
  GatewayDropMode,
  GatewayDropOptions,
  GatewayPayloadRecord,
  GatewayStats,
} from './gateway-types.ts';
export type {
  Actor,
  AutocompleteInput,
  ComponentInput,
  InteractionCallback,
  InteractionEdit,
  InteractionHandle,
  InteractionOutcome,
  ModalSubmitInput,
  SelectInput,
  SlashCommandInput,
} from './interactions.ts';
export type { BucketLimit } from './rate-limits.ts';
export type { RequestRecord } from './rest-api.ts';
export type {
  ChannelAccess,
  ChannelInput,
  ChannelKind,
  GuildInput,
  MemberInput,
  RoleInput,
  UserInput,
} from './state.ts';

export type * from './emulator-options.ts';

export class DiscordEmulator {
  readonly applicationId: string;
  readonly #ids = new SnowflakeGenerator();
  readonly #state: DiscordState;
  readonly #messages: MessageStore;
  readonly #privileged: PrivilegedIntents;
  readonly #reactions = new ReactionStore();
  readonly #events: MessageEvents;
  readonly #webhooks: WebhookStore;
  readonly #activity: ChannelActivity;
  readonly #commands: CommandStore;
  readonly #faults = new FaultInjector();
  readonly #waiters: Waiters;
  readonly #interactions: InteractionRegistry;
  readonly #gateway: GatewayServer;
  readonly #rest: RestServer;
  #stopped = false;

  private constructor(options: DiscordEmulatorOptions) {
    this.#waiters = new Waiters(options.waitTimeoutMs ?? 5000);
    this.applicationId = options.applicationId ?? this.#ids.next();
    this.#state = new DiscordState(
      this.#ids,
      { id: options.botUser?.id ?? this.applicationId, username: options.botUser?.username ?? 'Twinbridge' },
      options.guilds ?? [DEFAULT_GUILD],
      options.users ?? [],
    );
    this.#messages = new MessageStore(this.#state, this.#ids, new AttachmentCdn(() => this.#rest.origin));
    this.#commands = new CommandStore(this.#ids, this.applicationId);
    this.#privileged = { ...NO_PRIVILEGED_INTENTS, ...options.privilegedIntents };
    const changed = () => this.#waiters.notify();
    const messageEvent = (kind: MessageEventKind, record: MessageRecord) =>
      this.#events.message(kind, record);
    this.#gateway = new GatewayServer(options.heartbeatIntervalMs ?? 41_250, {
      token: options.token,
      newSessionId: () => randomBytes(16).toString('hex'),
      readyData: (session, resumeUrl) => this.#readyData(session, resumeUrl),
      guildCreates: () => [...this.#state.guilds.values()].map((g) => this.#state.guildCreate(g)),
      maxGuildsPerShard: options.maxGuildsPerShard ?? 2500,
      disallowedIntents: (intents) => disallowedIntents(intents, this.#privileged),
      changed,
    });
    this.#events = new MessageEvents(this.#state, this.#gateway, this.#privileged, changed);
    this.#webhooks = new WebhookStore(this.#state, this.#messages, this.#ids, messageEvent);
    this.#activity = new ChannelActivity(this.#state, this.#messages, this.#reactions, this.#events);
    this.#interactions = new InteractionRegistry({
      state: this.#state,
      messages: this.#messages,
      commands: this.#commands,
      ids: this.#ids,
      waiters: this.#waiters,
      applicationId: this.applicationId,
      deadlineMs: options.interactionDeadlineMs ?? 3000,
      enforceDeadline: options.enforceInteractionDeadline ?? true,
      tokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
      dispatch: (payload) => this.#gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload),
      messageEvent,
    });
    this.#rest = new RestServer({
      state: this.#state,
      messages: this.#messages,
      commands: this.#commands,
      interactions: this.#interactions,
      webhooks: this.#webhooks,
      activity: this.#activity,
      privileged: this.#privileged,
      faults: this.#faults,
      limiter: new RateLimiter(
        options.defaultRouteLimit ?? { limit: 50, windowMs: 1000 },
        options.routeLimits ?? {},
        options.globalRateLimit,
      ),
      applicationId: this.applicationId,
      token: options.token,
      nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
      gateway: () => ({ url: this.#gateway.url, shards: options.recommendedShards ?? 1 }),
      messageEvent,
      changed,
    });
  }

  static async start(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    await Promise.all([emulator.#rest.listen(), emulator.#gateway.listen()]);
    return emulator;
  }

  /** For `new Client({ rest: { api } })`: discord.js appends `/v10/...`. */
  get apiUrl(): string {
    return `${this.#rest.origin}/api`;
  }

  /** What `GET /gateway/bot` announces. */
  get gatewayUrl(): string {
    return this.#gateway.url;
  }

  get botUser(): { readonly id: string; readonly username: string } {
    return { id: this.#state.bot.id, username: this.#state.bot.username };
  }

  // ---- world ----------------------------------------------------------------

  /** A guild by id or name; default the first. */
  guild(ref?: string): GuildSummary {
    const guild = this.#state.requireGuild(ref);
    return {
      id: guild.id,
      name: guild.name,
      preferredLocale: guild.preferredLocale,
      channels: guild.channelIds.flatMap((id) => {
        const c = this.#state.channels.get(id);
        return c ? [{ id: c.id, name: c.name ?? '', type: c.type }] : [];
      }),
      roles: guild.roleIds.flatMap((id) => {
        const r = this.#state.roles.get(id);
        return r ? [{ id: r.id, name: r.name }] : [];
      }),
      members: [...guild.members.keys()].flatMap((id) => {
        const u = this.#state.users.get(id);
        return u ? [{ id: u.id, username: u.username }] : [];
      }),
    };
  }

  guildId(ref?: string): string {
    return this.#state.requireGuild(ref).id;
  }

  /** A channel id by name (`general` or `#general`) or id, in a guild (default the first). */
  channelId(ref: string, guild?: string): string {
    return this.#state.requireChannel(ref, guild).id;
  }

  userId(ref: string): string {
    return this.#state.requireUser(ref).id;
  }

  roleId(name: string, guild?: string): string {
    const g = this.#state.requireGuild(guild);
    const role = g.roleIds
      .map((id) => this.#state.roles.get(id))
      .find((r) => r?.name === name || r?.id === name);
    if (!role) throw new Error(`Discord emulator: unknown role ${name}`);
    return role.id;
  }

  /** Adds a user outside the guilds (for DMs). */
  addUser(input: UserInput): string {
    return this.#state.addUser(input).id;
  }

  /** Moves the attachment CDN's clock on: signed URLs handed out before expire (attachment-cdn.ts). */
  advanceCdnClock(ms: number): void {
    this.#messages.cdn.advance(ms);
  }

  /** Changes what the bot may do in a channel from now on. */
  setChannelAccess(channel: string, access: ChannelAccess): void {
    this.#state.requireChannel(channel).access = access;
  }

  /** The user blocks (or unblocks) DMs from the bot. */
  setDmsClosed(user: string, closed: boolean): void {
    this.#state.requireUser(user).dmsClosed = closed;
  }

  /** The bot's DM channel with a user (created if needed, as the bot's `createDM` would). */
  dmChannelId(user: string): string {
    return this.#state.dmChannel(this.#state.requireUser(user).id).id;
  }

  // ---- gateway --------------------------------------------------------------

  /** Resolves once a client session is identified and connected. */
  async waitForReady(timeoutMs?: number): Promise<void> {
    await this.#waiters.until(
      () => (this.#gateway.connectedSessions().length > 0 ? true : undefined),
      'a ready gateway session',
      timeoutMs,
    );
  }

  /** Drops connected sessions (default: close 4000, which discord.js resumes). */
  dropGateway(options: GatewayDropOptions = {}): GatewayDrop {
    const before = this.#gateway.stats();
    const dropped = this.#gateway.drop(options);
    return {
      dropped,
      reconnected: (timeoutMs?: number) =>
        this.#waiters.until(
          () => {
            const now = this.#gateway.stats();
            if (this.#gateway.connectedSessions().length === 0) return undefined;
            if (now.resumed > before.resumed) return 'resumed' as const;
            if (now.identifies > before.identifies) return 'identified' as const;
            return undefined;
          },
          'the gateway client to reconnect',
          timeoutMs,
        ),
    };
  }

  /** Takes the gateway down (sessions cut, reconnects refused or never answered) or, with undefined, up again. REST stays up. */
  setGatewayOutage(outage: GatewayOutage | undefined): void {
    this.#gateway.setUnreachable(outage);
  }

  /** While off, heartbeats go unacknowledged (discord.js then treats the connection as a zombie and resumes). */
  setHeartbeatAcks(on: boolean): void {
    this.#gateway.setHeartbeatAcks(on);
  }

  gatewayStats(): GatewayStats {
    return this.#gateway.stats();
  }

  /** Resolves with the gateway counters once `predicate` holds for them. */
  waitForGatewayStats(
    predicate: (stats: GatewayStats) => boolean,
    timeoutMs?: number,
  ): Promise<GatewayStats> {
    return this.#waiters.until(
      () => {
        const stats = this.#gateway.stats();
        return predicate(stats) ? stats : undefined;
      },
      'a gateway condition',
      timeoutMs,
    );
  }

  /** Payloads clients sent: IDENTIFY (intents, shard, properties), heartbeats, RESUME, presence. */
  gatewayPayloads(): readonly GatewayPayloadRecord[] {
    return this.#gateway.payloads();
  }

  /** Sends any dispatch event to every live session of its guild's shard. Returns how many got it. */
  dispatch(event: string, data: unknown): number {
    return this.#gateway.dispatch(event, data);
  }

  // ---- interactions ---------------------------------------------------------

  slashCommand(input: SlashCommandInput): InteractionHandle {
    return this.#interactions.slashCommand(input);
  }

  autocomplete(input: AutocompleteInput): InteractionHandle {
    return this.#interactions.autocomplete(input);
  }

  buttonClick(input: ComponentInput): InteractionHandle {
    return this.#interactions.buttonClick(input);
  }

  selectMenu(input: SelectInput): InteractionHandle {
    return this.#interactions.selectMenu(input);
  }

  modalSubmit(input: ModalSubmitInput): InteractionHandle {
    return this.#interactions.modalSubmit(input);
  }

  /** Fills and submits the modal the bot opened on `handle`. */
  submitModal(
    handle: InteractionHandle,
    fields: Readonly<Record<string, string>>,
    actor?: Actor,
  ): InteractionHandle {
    return this.#interactions.submitModal(handle, fields, actor);
  }

  /** Every interaction delivered so far. */
  interactions(): InteractionHandle[] {
    return this.#interactions.all();
  }

  // ---- messages and commands ------------------------------------------------

  /** Messages in a channel (id or name), oldest first; without a channel, all of them. */
  messages(
    channel?: string,
    options: { includeEphemeral?: boolean; includeDeleted?: boolean } = {},
  ): APIMessage[] {
    const channelId = channel === undefined ? undefined : this.#state.requireChannel(channel).id;
    return this.#messages.list(channelId, options).map((r) => r.message);
  }

  /** A message by id, deleted ones included. */
  message(id: string): APIMessage | undefined {
    return this.#messages.any(id)?.message;
  }

  /** The first message (existing or future) that matches. */
  waitForMessage(
    match: MessageMatch | ((message: APIMessage) => boolean),
    timeoutMs?: number,
  ): Promise<APIMessage> {
    const test =
      typeof match === 'function'
        ? match
        : (m: APIMessage) =>
            match.content === undefined ||
            (typeof match.content === 'string' ? m.content === match.content : match.content.test(m.content));
    const options = typeof match === 'function' ? {} : match;
    return this.#waiters.until(
      () => this.messages(options.channel, { includeEphemeral: options.includeEphemeral }).find(test),
      'a matching message',
      timeoutMs,
    );
  }

  /** A human posts a message: stored and sent as MESSAGE_CREATE (content only with the MessageContent intent, in DMs, or when the bot is mentioned). */
  userMessage(input: UserMessageInput): APIMessage {
    const guild = input.guild === null ? null : this.#state.requireGuild(input.guild ?? undefined);
    const user =
      input.user === undefined
        ? this.#state.defaultMember(guild ?? this.#state.requireGuild())
        : this.#state.requireUser(input.user);
    const channel = guild
      ? input.channel === undefined
        ? this.#state.defaultTextChannel(guild)
        : this.#state.requireChannel(input.channel, guild.id)
      : this.#state.dmChannel(user.id);
    const record = this.#messages.create({
      channel,
      author: user,
      body: { content: input.content },
      files: [],
    });
    this.#events.message('create', record);
    return record.message;
  }

  /** Registered commands: global with no argument or `null`, else a guild's (id or name). */
  commands(guild?: string | null): APIApplicationCommand[] {
    return this.#commands.list(
      guild === undefined || guild === null ? null : this.#state.requireGuild(guild).id,
    );
  }

  // ---- members, webhooks, reactions (member-actions.ts, webhooks.ts) ---------

  /** A member writes in a channel (or a thread under it): stored, and MESSAGE_CREATE goes out. */
  memberWrites(input: MemberWriteInput): APIMessage {
    return this.#activity.writes(input);
  }

  /** The member who wrote it edits it: MESSAGE_UPDATE. */
  memberEdits(messageId: string, content: string): APIMessage {
    return this.#activity.edits(messageId, content);
  }

  /** The member who wrote it deletes it: MESSAGE_DELETE. */
  memberDeletes(messageId: string): void {
    this.#activity.deletes(messageId);
  }

  /** MESSAGE_REACTION_ADD; `emoji` is a Unicode emoji or `name:id`. */
  memberReacts(messageId: string, user: string, emoji: string): void {
    this.#activity.reacts(messageId, user, emoji);
  }

  /** MESSAGE_REACTION_REMOVE. */
  memberUnreacts(messageId: string, user: string, emoji: string): void {
    this.#activity.unreacts(messageId, user, emoji);
  }

  /** A member starts a public thread (THREAD_CREATE); returns its id (the message's, when started from one). */
  memberStartsThread(input: ThreadStartInput): string {
    return this.#activity.startsThread(input);
  }

  /** Flips a privileged intent on the Developer Portal; sessions already identified keep their intents. */
  setPrivilegedIntent(intent: keyof PrivilegedIntents, enabled: boolean): void {
    this.#privileged[intent] = enabled;
  }

  /**
   * Grants a permission to the bot's role in a guild (default the first), or takes it away in every
   * channel whatever @everyone gives (a member overwrite): GUILD_ROLE_UPDATE and CHANNEL_UPDATEs follow.
   */
  setBotPermission(permission: bigint, granted: boolean, guild?: string): void {
    const g = this.#state.requireGuild(guild);
    const role = this.#state.roles.get(g.botRoleId);
    if (!role) throw new Error('Discord emulator: the bot has no role');
    role.permissions = granted ? role.permissions | permission : role.permissions & ~permission;
    g.botDenied = granted ? g.botDenied & ~permission : g.botDenied | permission;
    this.#events.permissionsChanged(g, role);
  }

  /** Webhooks of a channel (id or name), with their tokens. */
  webhooks(channel: string): APIWebhook[] {
    const id = this.#state.requireChannel(channel).id;
    return this.#webhooks.list(id).map((w) => this.#webhooks.api(w));
  }

  /** What a channel (id or name; a thread too) shows, oldest first. */
  channelView(channel: string, options: { includeDeleted?: boolean } = {}): MessageView[] {
    const id = this.#state.requireChannel(channel).id;
    return this.#messages
      .list(id, { includeDeleted: options.includeDeleted })
      .map((r) => messageView(r, this.#webhooks, this.#reactions));
  }

  /** One message as its channel shows it, deleted ones included. */
  messageView(id: string): MessageView | undefined {
    const record = this.#messages.any(id);
    return record && messageView(record, this.#webhooks, this.#reactions);
  }

  // ---- faults and observation -----------------------------------------------

  /** The next `times` requests matching `match` get `fault` instead of an answer. */
  failNext(match: RouteMatch, fault: Fault, times = 1): FaultHandle {
    return this.#faults.failNext(match, fault, times);
  }

  /** Seeded random faults on a fraction of matching requests (default: channel posts). */
  randomFaults(options: RandomFaultOptions): FaultHandle {
    return this.#faults.random(options);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  /**
   * Resolves once no client is connected to the REST API and no request is being answered: all a
   * client sent before it went away has been handled. (A living discord.js client keeps its
   * connections open, so this is for clients that stopped or died.)
   */
  restQuiet(): Promise<void> {
    return this.#rest.quiet();
  }

  /** Logged REST requests, oldest first, optionally filtered. */
  requests(match?: RouteMatch): RequestRecord[] {
    const log = this.#rest.log();
    return match === undefined ? [...log] : log.filter((r) => matchesRoute(match, r));
  }

  requestCount(match?: RouteMatch): number {
    return this.requests(match).length;
  }

  /** Request counts keyed `METHOD /route/:template`. */
  routeCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.#rest.log()) {
      const key = `${r.method} ${r.route}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** Answers counting towards Discord's 10,000-per-10-minutes invalid request ban (401, 403, 429). */
  invalidRequestCount(): number {
    return this.#rest.log().filter((r) => r.invalid).length;
  }

  /** The first logged request (existing or future) matching, e.g. to sync on a retry. */
  waitForRequest(match: RouteMatch & { status?: number }, timeoutMs?: number): Promise<RequestRecord> {
    return this.#waiters.until(
      () =>
        this.#rest
          .log()
          .find((r) => matchesRoute(match, r) && (match.status === undefined || r.status === match.status)),
      `a ${match.method ?? ''} request to ${String(match.route ?? 'any route')}`,
      timeoutMs,
    );
  }

  /** Closes every socket and both servers; pending waits reject. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#interactions.stop();
    this.#waiters.abortAll('stopped');
    await Promise.all([this.#gateway.close(), this.#rest.close()]);
  }

  // ---- internals ------------------------------------------------------------

  #readyData(session: GatewaySession, resumeUrl: string): GatewayReadyDispatchData {
    return {
      v: 10,
      user: { ...this.#state.apiUser(this.#state.bot), verified: true, mfa_enabled: false },
      guilds: [...this.#state.guilds.keys()]
        .filter((id) => shardReceives(session.shard, id))
        .map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: resumeUrl,
      shard: [session.shard[0], session.shard[1]],
      application: {
        id: this.applicationId,
        flags: applicationFlags(this.#privileged),
        flags_new: String(applicationFlags(this.#privileged)),
      },
    };
  }
}
