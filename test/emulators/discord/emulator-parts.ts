/**
 * The emulator's parts wired together (discord-emulator.ts is their facade): the world, the
 * stores, the gateway and the REST server, each told about the others it needs.
 */
import { randomBytes } from 'node:crypto';

import type { GatewayReadyDispatchData } from 'discord.js';
import { GatewayDispatchEvents } from 'discord.js';

import { AttachmentCdn } from './attachment-cdn.ts';
import { CommandStore } from './commands.ts';
import type { DiscordEmulatorOptions } from './emulator-options.ts';
import { FaultInjector } from './faults.ts';
import { GatewayServer } from './gateway.ts';
import type { GatewaySession } from './gateway-types.ts';
import type { PrivilegedIntents } from './intents.ts';
import { applicationFlags, disallowedIntents, NO_PRIVILEGED_INTENTS } from './intents.ts';
import { InteractionRegistry } from './interactions.ts';
import { ChannelActivity } from './member-actions.ts';
import type { MessageEventKind } from './message-events.ts';
import { MessageEvents } from './message-events.ts';
import type { MessageRecord } from './messages.ts';
import { MessageStore } from './messages.ts';
import { RateLimiter } from './rate-limits.ts';
import { ReactionStore } from './reactions.ts';
import { RestServer } from './rest-api.ts';
import { shardReceives } from './shards.ts';
import { SnowflakeGenerator } from './snowflake.ts';
import { DEFAULT_GUILD, DiscordState } from './state.ts';
import { Waiters } from './wait.ts';
import { WebhookStore } from './webhooks.ts';

export interface EmulatorParts {
  readonly applicationId: string;
  readonly ids: SnowflakeGenerator;
  readonly state: DiscordState;
  readonly messages: MessageStore;
  readonly privileged: PrivilegedIntents;
  readonly reactions: ReactionStore;
  readonly events: MessageEvents;
  readonly webhooks: WebhookStore;
  readonly activity: ChannelActivity;
  readonly commands: CommandStore;
  readonly faults: FaultInjector;
  readonly waiters: Waiters;
  readonly interactions: InteractionRegistry;
  readonly gateway: GatewayServer;
  readonly rest: RestServer;
  stopped: boolean;
}

export function buildEmulatorParts(options: DiscordEmulatorOptions): EmulatorParts {
  const ids = new SnowflakeGenerator();
  const waiters = new Waiters(options.waitTimeoutMs ?? 5000);
  const applicationId = options.applicationId ?? ids.next();
  const state = new DiscordState(
    ids,
    { id: options.botUser?.id ?? applicationId, username: options.botUser?.username ?? 'Twinbridge' },
    options.guilds ?? [DEFAULT_GUILD],
    options.users ?? [],
  );
  // `rest` and `events` are built below: the closures naming them run only once everything is.
  const messages = new MessageStore(state, ids, new AttachmentCdn((): string => rest.origin));
  const commands = new CommandStore(ids, applicationId);
  const privileged: PrivilegedIntents = { ...NO_PRIVILEGED_INTENTS, ...options.privilegedIntents };
  const reactions = new ReactionStore();
  const faults = new FaultInjector();
  const changed = () => waiters.notify();
  const messageEvent = (kind: MessageEventKind, record: MessageRecord) => events.message(kind, record);
  const gateway = new GatewayServer(options.heartbeatIntervalMs ?? 41_250, {
    token: options.token,
    newSessionId: () => randomBytes(16).toString('hex'),
    readyData: (session, resumeUrl) => readyData(state, applicationId, privileged, session, resumeUrl),
    guildCreates: () => [...state.guilds.values()].map((g) => state.guildCreate(g)),
    maxGuildsPerShard: options.maxGuildsPerShard ?? 2500,
    disallowedIntents: (intents) => disallowedIntents(intents, privileged),
    changed,
  });
  const events = new MessageEvents(state, gateway, privileged, changed);
  const webhooks = new WebhookStore(state, messages, ids, messageEvent);
  const activity = new ChannelActivity(state, messages, reactions, events);
  const interactions = new InteractionRegistry({
    state,
    messages,
    commands,
    ids,
    waiters,
    applicationId,
    deadlineMs: options.interactionDeadlineMs ?? 3000,
    enforceDeadline: options.enforceInteractionDeadline ?? true,
    tokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
    dispatch: (payload) => gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload),
    messageEvent,
  });
  const rest: RestServer = new RestServer({
    state,
    messages,
    commands,
    interactions,
    webhooks,
    activity,
    privileged,
    faults,
    limiter: new RateLimiter(
      options.defaultRouteLimit ?? { limit: 50, windowMs: 1000 },
      options.routeLimits ?? {},
      options.globalRateLimit,
    ),
    applicationId,
    token: options.token,
    nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
    gateway: () => ({ url: gateway.url, shards: options.recommendedShards ?? 1 }),
    messageEvent,
    changed,
  });
  return {
    applicationId,
    ids,
    state,
    messages,
    privileged,
    reactions,
    events,
    webhooks,
    activity,
    commands,
    faults,
    waiters,
    interactions,
    gateway,
    rest,
    stopped: false,
  };
}

/** READY for a session: the guilds of its shard, as unavailable until their GUILD_CREATE. */
function readyData(
  state: DiscordState,
  applicationId: string,
  privileged: PrivilegedIntents,
  session: GatewaySession,
  resumeUrl: string,
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...state.apiUser(state.bot), verified: true, mfa_enabled: false },
    guilds: [...state.guilds.keys()]
      .filter((id) => shardReceives(session.shard, id))
      .map((id) => ({ id, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: resumeUrl,
    shard: [session.shard[0], session.shard[1]],
    application: {
      id: applicationId,
      flags: applicationFlags(privileged),
      flags_new: String(applicationFlags(privileged)),
    },
  };
}
