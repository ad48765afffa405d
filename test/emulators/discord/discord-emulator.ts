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
 * dispatch MESSAGE_* / MESSAGE_REACTION_* / THREAD_CREATE by intent; threadArchives archives a
 * thread (THREAD_UPDATE; no longer listed as active; writing in it unarchives it); `privilegedIntents` and
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
 *
 * The facade is built in layers: emulator-parts.ts wires the parts, emulator-world.ts adds the
 * world and gateway helpers, emulator-observation.ts members, faults and observation, and this
 * file interactions, messages and commands.
 */

import type { APIApplicationCommand, APIMessage } from 'discord.js';

import type { DiscordEmulatorOptions, MessageMatch, UserMessageInput } from './emulator-options.ts';
import { EmulatorObservation } from './emulator-observation.ts';
import { buildEmulatorParts } from './emulator-parts.ts';
import type {
  Actor,
  AutocompleteInput,
  ComponentInput,
  InteractionHandle,
  ModalSubmitInput,
  SelectInput,
  SlashCommandInput,
} from './interactions.ts';

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

export class DiscordEmulator extends EmulatorObservation {
  private constructor(options: DiscordEmulatorOptions) {
    super(buildEmulatorParts(options));
  }

  static async start(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    await Promise.all([emulator.parts.rest.listen(), emulator.parts.gateway.listen()]);
    return emulator;
  }

  // ---- interactions ---------------------------------------------------------

  slashCommand(input: SlashCommandInput): InteractionHandle {
    return this.parts.interactions.slashCommand(input);
  }

  autocomplete(input: AutocompleteInput): InteractionHandle {
    return this.parts.interactions.autocomplete(input);
  }

  buttonClick(input: ComponentInput): InteractionHandle {
    return this.parts.interactions.buttonClick(input);
  }

  selectMenu(input: SelectInput): InteractionHandle {
    return this.parts.interactions.selectMenu(input);
  }

  modalSubmit(input: ModalSubmitInput): InteractionHandle {
    return this.parts.interactions.modalSubmit(input);
  }

  /** Fills and submits the modal the bot opened on `handle`. */
  submitModal(
    handle: InteractionHandle,
    fields: Readonly<Record<string, string>>,
    actor?: Actor,
  ): InteractionHandle {
    return this.parts.interactions.submitModal(handle, fields, actor);
  }

  /** Every interaction delivered so far. */
  interactions(): InteractionHandle[] {
    return this.parts.interactions.all();
  }

  // ---- messages and commands ------------------------------------------------

  /** Messages in a channel (id or name), oldest first; without a channel, all of them. */
  messages(
    channel?: string,
    options: { includeEphemeral?: boolean; includeDeleted?: boolean } = {},
  ): APIMessage[] {
    const channelId = channel === undefined ? undefined : this.parts.state.requireChannel(channel).id;
    return this.parts.messages.list(channelId, options).map((r) => r.message);
  }

  /** A message by id, deleted ones included. */
  message(id: string): APIMessage | undefined {
    return this.parts.messages.any(id)?.message;
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
    return this.parts.waiters.until(
      () => this.messages(options.channel, { includeEphemeral: options.includeEphemeral }).find(test),
      'a matching message',
      timeoutMs,
    );
  }

  /** A human posts a message: stored and sent as MESSAGE_CREATE (content only with the MessageContent intent, in DMs, or when the bot is mentioned). */
  userMessage(input: UserMessageInput): APIMessage {
    const guild = input.guild === null ? null : this.parts.state.requireGuild(input.guild ?? undefined);
    const user =
      input.user === undefined
        ? this.parts.state.defaultMember(guild ?? this.parts.state.requireGuild())
        : this.parts.state.requireUser(input.user);
    const channel = guild
      ? input.channel === undefined
        ? this.parts.state.defaultTextChannel(guild)
        : this.parts.state.requireChannel(input.channel, guild.id)
      : this.parts.state.dmChannel(user.id);
    const record = this.parts.messages.create({
      channel,
      author: user,
      body: { content: input.content },
      files: [],
    });
    this.parts.events.message('create', record);
    return record.message;
  }

  /** Registered commands: global with no argument or `null`, else a guild's (id or name). */
  commands(guild?: string | null): APIApplicationCommand[] {
    return this.parts.commands.list(
      guild === undefined || guild === null ? null : this.parts.state.requireGuild(guild).id,
    );
  }

  /** Closes every socket and both servers; pending waits reject. */
  async stop(): Promise<void> {
    if (this.parts.stopped) return;
    this.parts.stopped = true;
    this.parts.interactions.stop();
    this.parts.waiters.abortAll('stopped');
    await Promise.all([this.parts.gateway.close(), this.parts.rest.close()]);
  }
}
