/** REST routes of channels and their messages (channel.mdx, message.mdx): a channel, posting with nonce dedup, editing, deleting, typing, and the relay's routes (relay-routes.ts). */

import { ChannelType, PermissionFlagsBits } from 'discord.js';

import { apiErrors } from './http-body.ts';
import type { MessageRecord } from './messages.ts';
import { relayRoutes } from './relay-routes.ts';
import type { RestEnvironment } from './rest-api.ts';
import type { RouteDef, RouteKit } from './rest-routes.ts';
import type { ChannelRecord } from './state.ts';

export function channelRoutes(env: RestEnvironment, kit: RouteKit): RouteDef[] {
  const { state, messages } = env;
  const { ok, noContent, route, jsonObject } = kit;

  /** A channel the bot can see; unknown -> 10003, hidden -> 50001. */
  const visibleChannel = (id: string | undefined): ChannelRecord => {
    const channel = id === undefined ? undefined : state.channels.get(id);
    if (!channel) throw apiErrors.unknownChannel();
    if (channel.access === 'no-access') throw apiErrors.missingAccess();
    return channel;
  };
  const channelMessage = (channel: ChannelRecord, id: string | undefined): MessageRecord => {
    const record = id === undefined ? undefined : messages.get(id);
    if (!record || record.channelId !== channel.id || record.ephemeral) throw apiErrors.unknownMessage();
    return record;
  };
  return [
    route('GET', '/channels/:channel_id', ({ params }) =>
      ok(state.apiChannel(visibleChannel(params.channel_id))),
    ),
    route('POST', '/channels/:channel_id/messages', ({ params, body }) => {
      const channel = visibleChannel(params.channel_id);
      if (channel.type === ChannelType.GuildCategory) throw apiErrors.nonTextChannel();
      if (channel.type === ChannelType.DM) {
        const recipient = channel.recipientId === null ? undefined : state.users.get(channel.recipientId);
        if (recipient?.dmsClosed) throw apiErrors.cannotMessageUser();
      } else if (channel.access === 'read-only') {
        throw apiErrors.missingPermissions();
      }
      const json = jsonObject(body);
      // enforce_nonce: the same nonce from the same author in the same channel returns the earlier message.
      if (json.enforce_nonce === true && (typeof json.nonce === 'string' || typeof json.nonce === 'number')) {
        const earlier = messages.findByNonce(channel.id, state.bot.id, String(json.nonce), env.nonceWindowMs);
        if (earlier) return ok(earlier.message);
      }
      const created = messages.create({ channel, author: state.bot, body: json, files: body.files });
      env.messageEvent('create', created);
      return ok(created.message);
    }),
    route('PATCH', '/channels/:channel_id/messages/:message_id', ({ params, body }) => {
      const channel = visibleChannel(params.channel_id);
      const record = channelMessage(channel, params.message_id);
      if (record.authorId !== state.bot.id) throw apiErrors.notAuthor();
      const edited = messages.edit(record, jsonObject(body), body.files);
      env.messageEvent('update', edited);
      return ok(edited.message);
    }),
    route('DELETE', '/channels/:channel_id/messages/:message_id', ({ params }) => {
      const channel = visibleChannel(params.channel_id);
      const record = channelMessage(channel, params.message_id);
      if (record.authorId !== state.bot.id && channel.guildId !== null) {
        const guild = state.guilds.get(channel.guildId);
        const perms = guild ? state.permissions(guild, state.bot.id, channel) : 0n;
        if ((perms & PermissionFlagsBits.ManageMessages) === 0n) throw apiErrors.missingPermissions();
      }
      record.deleted = true;
      env.messageEvent('delete', record);
      return noContent;
    }),
    ...relayRoutes({
      state,
      messages,
      webhooks: env.webhooks,
      activity: env.activity,
      privileged: env.privileged,
      visibleChannel,
      channelMessage,
    }).map((r) => route(r.method, r.template, r.handle)),
    route('POST', '/channels/:channel_id/typing', ({ params }) => {
      visibleChannel(params.channel_id);
      return noContent;
    }),
  ];
}
