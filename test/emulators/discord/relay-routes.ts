/**
 * REST routes a bridge uses beyond posting: channel webhooks (create, list, execute, and the
 * messages a webhook posted), the bot's own reactions, starting threads and listing the active
 * ones, and reading history.
 * Permissions as message.mdx, webhook.mdx and channel.mdx name them: Manage Webhooks, Read
 * Message History, Add Reactions (unless someone already reacted with that emoji), Create Public
 * Threads; 403 50013 without them.
 */

import { ChannelType, PermissionFlagsBits } from 'discord.js';

import type { RequestBody, RestResult } from './http-body.ts';
import { apiErrors, FormErrors } from './http-body.ts';
import { asReadByBot, historyPage } from './history.ts';
import type { PrivilegedIntents } from './intents.ts';
import type { ChannelActivity } from './member-actions.ts';
import type { MessageRecord, MessageStore } from './messages.ts';
import { asObject } from './messages.ts';
import { parseEmoji } from './reactions.ts';
import type { ChannelRecord, DiscordState } from './state.ts';
import type { WebhookStore } from './webhooks.ts';

export interface RelayRouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: RequestBody;
}

export interface RelayRoute {
  readonly method: string;
  readonly template: string;
  readonly handle: (request: RelayRouteRequest) => RestResult;
}

export interface RelayRouteContext {
  readonly state: DiscordState;
  readonly messages: MessageStore;
  readonly webhooks: WebhookStore;
  readonly activity: ChannelActivity;
  readonly privileged: PrivilegedIntents;
  /** A channel the bot can see (10003 unknown, 50001 hidden). */
  readonly visibleChannel: (id: string | undefined) => ChannelRecord;
  /** A message of that channel (10008 otherwise). */
  readonly channelMessage: (channel: ChannelRecord, id: string | undefined) => MessageRecord;
}

const P = PermissionFlagsBits;

export function relayRoutes(ctx: RelayRouteContext): RelayRoute[] {
  const { state, messages, webhooks, activity } = ctx;
  const botMay = (channel: ChannelRecord, permission: bigint): boolean => {
    if (channel.guildId === null) return true;
    const guild = state.guilds.get(channel.guildId);
    // A thread's permissions are its parent channel's.
    const scope = channel.parentId === null ? channel : (state.channels.get(channel.parentId) ?? channel);
    return guild !== undefined && (state.permissions(guild, state.bot.id, scope) & permission) !== 0n;
  };
  const require = (channel: ChannelRecord, permission: bigint): void => {
    if (!botMay(channel, permission)) throw apiErrors.missingPermissions();
  };
  const body = (request: RelayRouteRequest) => asObject(request.body.json) ?? {};
  const ok = (json: unknown): RestResult => ({ status: 200, body: json });
  const noContent: RestResult = { status: 204 };
  const reactionTarget = ({ params }: RelayRouteRequest) => {
    const channel = ctx.visibleChannel(params.channel_id);
    const record = ctx.channelMessage(channel, params.message_id);
    return { channel, record, emoji: parseEmoji(params.emoji ?? '') };
  };

  return [
    {
      method: 'POST',
      template: '/channels/:channel_id/webhooks',
      handle: (request) => {
        const channel = ctx.visibleChannel(request.params.channel_id);
        require(channel, P.ManageWebhooks);
        return ok(webhooks.api(webhooks.create(channel, body(request))));
      },
    },
    {
      method: 'GET',
      template: '/channels/:channel_id/webhooks',
      handle: ({ params }) => {
        const channel = ctx.visibleChannel(params.channel_id);
        require(channel, P.ManageWebhooks);
        return ok(webhooks.list(channel.id).map((w) => webhooks.api(w)));
      },
    },
    {
      method: 'PUT',
      template: '/channels/:channel_id/messages/:message_id/reactions/:emoji/@me',
      handle: (request) => {
        const { channel, record, emoji } = reactionTarget(request);
        require(channel, P.ReadMessageHistory);
        if (!activity.reactionExists(record, emoji)) require(channel, P.AddReactions);
        activity.react('add', record, emoji, state.bot.id);
        return noContent;
      },
    },
    {
      method: 'DELETE',
      template: '/channels/:channel_id/messages/:message_id/reactions/:emoji/@me',
      handle: (request) => {
        const { record, emoji } = reactionTarget(request);
        activity.react('remove', record, emoji, state.bot.id);
        return noContent;
      },
    },
    {
      method: 'POST',
      template: '/channels/:channel_id/messages/:message_id/threads',
      handle: (request) => {
        const channel = ctx.visibleChannel(request.params.channel_id);
        const starter = ctx.channelMessage(channel, request.params.message_id);
        require(channel, P.CreatePublicThreads);
        if (starter.message.thread !== undefined) throw apiErrors.threadAlreadyCreated();
        const name = threadName(body(request).name);
        return {
          status: 201,
          body: state.apiChannel(activity.startThread(channel, name, state.bot.id, starter)),
        };
      },
    },
    {
      method: 'POST',
      template: '/channels/:channel_id/threads',
      handle: (request) => {
        const channel = ctx.visibleChannel(request.params.channel_id);
        require(channel, P.CreatePublicThreads);
        const json = body(request);
        if (json.type !== undefined && json.type !== ChannelType.PublicThread)
          throw apiErrors.missingPermissions();
        const name = threadName(json.name);
        return { status: 201, body: state.apiChannel(activity.startThread(channel, name, state.bot.id)) };
      },
    },
    {
      // guild.mdx, List Active Guild Threads: the guild's threads the bot can see, not the
      // archived ones (GET /channels/{id} still answers for those, and their messages can be read).
      method: 'GET',
      template: '/guilds/:guild_id/threads/active',
      handle: ({ params }) => {
        const threads = [...state.channels.values()].filter(
          (c) =>
            c.guildId === params.guild_id &&
            c.type === ChannelType.PublicThread &&
            c.archived !== true &&
            botMay(c, P.ViewChannel),
        );
        return ok({ threads: threads.map((thread) => state.apiChannel(thread)), members: [] });
      },
    },
    {
      method: 'GET',
      template: '/channels/:channel_id/messages',
      handle: ({ params, query }) => {
        const channel = ctx.visibleChannel(params.channel_id);
        // Without Read Message History Discord answers an empty list, not an error.
        const records = botMay(channel, P.ReadMessageHistory) ? messages.list(channel.id) : [];
        // Attachment URLs read through REST are signed anew (attachment-cdn.ts).
        return ok(
          historyPage(records, query).map((r) =>
            messages.cdn.resigned(asReadByBot(state, ctx.privileged, r)),
          ),
        );
      },
    },
    {
      method: 'GET',
      template: '/channels/:channel_id/messages/:message_id',
      handle: ({ params }) => {
        const channel = ctx.visibleChannel(params.channel_id);
        require(channel, P.ReadMessageHistory);
        const record = ctx.channelMessage(channel, params.message_id);
        return ok(messages.cdn.resigned(asReadByBot(state, ctx.privileged, record)));
      },
    },
  ];
}

/** Thread names are 1-100 characters (channel.mdx, Start Thread). */
function threadName(value: unknown): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > 100) {
    const errors = new FormErrors();
    errors.add(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    errors.throwIfAny();
  }
  return String(value);
}
