// Reactions on messages (docs.slack.dev/reference/methods/reactions.add, reactions.remove,
// reactions.get; events reaction_added, reaction_removed): the Web API methods, as web-api.ts
// serves them, and the store the members' side (member-messages.ts) shares.
//
// - reactions.add / reactions.remove need reactions:write, reactions.get needs reactions:read
//   (`missing_scope` with `needed` otherwise); the bot must be in the channel (`not_in_channel`).
// - A name is a standard emoji's short name (Slack's own table is iamcal's emoji-data, published
//   as emoji-datasource), optionally with `::skin-tone-2` … `::skin-tone-6`, or one of the
//   workspace's custom emoji (`slack.addCustomEmoji`); anything else answers `invalid_name`.
// - Reacting twice answers `already_reacted`; removing a reaction that is not there, `no_reaction`.
// - A message shows its reactions as `reactions: [{ name, users, count }]` (history, get).
// - Every change, the bot's own included, is told to `messageChanged` as a reaction change, so
//   the app gets reaction_added / reaction_removed as Slack sends them (with the bot's user id).

import { createRequire } from 'node:module';

import type { Handler, Json, WebApiEnv } from './web-api.ts';
import { ApiError, requiredString, requireWorkspace, resolveChannel } from './web-api.ts';
import type { StoredMessage, Workspace } from './state.ts';

export interface StoredReaction {
  readonly name: string;
  /** User ids, in the order they reacted. */
  readonly users: string[];
}

const SKIN_TONE = /::skin-tone-[2-6]$/;

let standardNames: Set<string> | undefined;

function isStandardName(name: string): boolean {
  if (!standardNames) {
    const data = createRequire(import.meta.url)('emoji-datasource') as { short_names: string[] }[];
    standardNames = new Set(data.flatMap((emoji) => emoji.short_names));
  }
  return standardNames.has(name.replace(SKIN_TONE, ''));
}

/** Custom emoji per workspace. */
export class CustomEmoji {
  private readonly byTeam = new Map<string, Set<string>>();

  add(teamId: string, name: string): void {
    const names = this.byTeam.get(teamId) ?? new Set<string>();
    names.add(name);
    this.byTeam.set(teamId, names);
  }

  validName(teamId: string, name: string): boolean {
    return isStandardName(name) || (this.byTeam.get(teamId)?.has(name) ?? false);
  }
}

/** Adds or removes `user`'s reaction; the error Slack answers when nothing would change. */
export function changeReaction(
  message: StoredMessage,
  name: string,
  user: string,
  added: boolean,
): 'already_reacted' | 'no_reaction' | undefined {
  const reactions = (message.reactions ??= []);
  const entry = reactions.find((r) => r.name === name);
  if (added) {
    if (entry?.users.includes(user)) return 'already_reacted';
    if (entry) entry.users.push(user);
    else reactions.push({ name, users: [user] });
    return undefined;
  }
  const index = entry?.users.indexOf(user) ?? -1;
  if (!entry || index < 0) return 'no_reaction';
  entry.users.splice(index, 1);
  if (entry.users.length === 0) reactions.splice(reactions.indexOf(entry), 1);
  return undefined;
}

export function reactionsJson(message: StoredMessage): Json {
  const reactions = message.reactions ?? [];
  if (reactions.length === 0) return {};
  return { reactions: reactions.map((r) => ({ name: r.name, users: [...r.users], count: r.users.length })) };
}

function reactionTarget(env: WebApiEnv, call: { args: Readonly<Json> }, ws: Workspace, scope: string) {
  if (!ws.scopes.includes(scope)) throw new ApiError('missing_scope', { needed: scope });
  const channel = resolveChannel(env, ws, requiredString(call.args, 'channel', 'no_item_specified'));
  const ts = requiredString(call.args, 'timestamp', 'no_item_specified');
  if (!channel.botIsMember) throw new ApiError('not_in_channel');
  const message = env.state.findMessage(channel.id, ts);
  if (message === undefined || message.deleted) throw new ApiError('message_not_found');
  return { channel, message };
}

function changeHandler(added: boolean): Handler {
  return (env, call) => {
    const ws = requireWorkspace(env, call);
    const { message } = reactionTarget(env, call, ws, 'reactions:write');
    const name = requiredString(call.args, 'name', 'invalid_name');
    if (added && !env.customEmoji.validName(ws.teamId, name)) throw new ApiError('invalid_name');
    const refused = changeReaction(message, name, ws.botUserId, added);
    if (refused) throw new ApiError(refused);
    env.messageChanged?.({ kind: 'reaction', message, user: ws.botUserId, name, added });
    return {};
  };
}

export const REACTION_HANDLERS: Record<string, Handler> = {
  'reactions.add': changeHandler(true),
  'reactions.remove': changeHandler(false),
  'reactions.get': (env, call) => {
    const ws = requireWorkspace(env, call);
    const { channel, message } = reactionTarget(env, call, ws, 'reactions:read');
    return {
      type: 'message',
      channel: channel.id,
      message: { type: 'message', ts: message.ts, text: message.text, ...reactionsJson(message) },
    };
  },
};
