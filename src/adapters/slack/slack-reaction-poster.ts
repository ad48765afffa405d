/**
 * The reactions a relayed message has elsewhere, shown on its Slack side (docs/RELAY.md,
 * "Reactions"): the bot reacts with each emoji Slack has here (every standard one, and this
 * workspace's own custom ones) and takes back its reactions with the others
 * (reactions.add / reactions.remove, scope reactions:write). What it has now is read from the
 * message (reactions.get, scope reactions:read: the reactions whose users include the bot), so a
 * repeated or late delivery converges on the wanted state. Names are compared by emoji, not by
 * spelling: Slack may answer `+1` for a `thumbsup`.
 */
import type { webApi } from '@slack/bolt';
import type { Abandoned, ChannelTarget, PostResult } from '../../core/ports.ts';
import type { ReactionTally } from '../../core/relay/relay-ports.ts';
import { slackEmojiKey, slackEmojiName } from '../shared/emoji-names.ts';
import { classifySlackError, unavailableChannel } from './slack-poster.ts';
import type { WorkspaceClients } from './slack-ports.ts';

type WebClient = webApi.WebClient;

/** Answers that mean the wanted state holds already for that emoji, or there is no message left. */
const SETTLED = new Set(['already_reacted', 'no_reaction']);

export class SlackReactionPoster {
  /** The bot's user id per workspace (auth.test), to tell its reactions from members'. */
  private readonly botUsers = new Map<string, string>();

  constructor(private readonly workspaces: WorkspaceClients) {}

  async react(
    target: ChannelTarget,
    ts: string,
    reactions: readonly ReactionTally[],
    abandoned?: Abandoned,
  ): Promise<PostResult> {
    const teamId = target.communityExternalId;
    const client = await this.workspaces.clientFor(teamId);
    if ('unavailable' in client) return unavailableChannel(client);
    const channel = target.channelId;
    try {
      const botUser = await this.botUser(client, teamId);
      const got = await client.reactions.get({ channel, timestamp: ts, full: true });
      const mine = new Map<string, string>();
      for (const reaction of got.message?.reactions ?? []) {
        if (reaction.name && reaction.users?.includes(botUser)) {
          mine.set(slackEmojiKey(reaction.name, teamId), reaction.name);
        }
      }
      const wanted = new Map<string, string>();
      for (const { emoji } of reactions) {
        const name = slackEmojiName(emoji, teamId);
        if (name) wanted.set(emoji, name);
      }
      for (const [key, name] of wanted) {
        if (mine.has(key) || abandoned?.aborted) continue;
        await settled(client.reactions.add({ channel, timestamp: ts, name }));
      }
      for (const [key, name] of mine) {
        if (wanted.has(key) || abandoned?.aborted) continue;
        await settled(client.reactions.remove({ channel, timestamp: ts, name }));
      }
      return { ok: true, platformMessageId: ts };
    } catch (error) {
      // Removed meanwhile: nothing left to show the reactions on.
      if (slackError(error) === 'message_not_found') return { ok: true, platformMessageId: ts };
      const { result, rateLimitedMs } = classifySlackError(error);
      if (result.ok) return result;
      // A missing scope or a refused emoji costs the reactions, never the channel.
      const failure = { ...result, channelBroken: false };
      return rateLimitedMs !== undefined ? { ...failure, retryAfterMs: rateLimitedMs } : failure;
    }
  }

  private async botUser(client: WebClient, teamId: string): Promise<string> {
    const known = this.botUsers.get(teamId);
    if (known) return known;
    const me = await client.auth.test();
    const id = me.user_id ?? '';
    if (id) this.botUsers.set(teamId, id);
    return id;
  }
}

async function settled(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!SETTLED.has(slackError(error) ?? '')) throw error;
  }
}

function slackError(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === 'string' ? code : undefined;
}
