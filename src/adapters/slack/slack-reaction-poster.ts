/**
 * The reactions a relayed message has elsewhere, shown on its Slack side (docs/RELAY.md,
 * "Reactions"): the bot reacts with each emoji Slack has here (every standard one, and this
 * workspace's own custom ones) and takes back its reactions with the others
 * (reactions.add / reactions.remove, scope reactions:write). What it has now is read from the
 * message (reactions.get, scope reactions:read: the reactions whose users include the bot), so a
 * repeated or late delivery converges on the wanted state. Names are compared by emoji, not by
 * spelling: Slack may answer `+1` for a `thumbsup`.
 *
 * What the bot's reactions cannot say (a count above one, another platform's custom emoji) a
 * copy (the bot's own post) shows as its last line in italics, `_👍 3 · :party_parrot: 1_`
 * (reaction-line.ts): its text is read back (conversations.replies, which finds a thread reply
 * too, with the history scopes relaying needs) and updated with chat.update. A member's
 * original cannot be edited by the bot and shows the bot's reactions only.
 */
import type { webApi } from '@slack/bolt';
import type { Abandoned, ChannelTarget, PostResult } from '../../core/ports.ts';
import type { ReactionTally } from '../../core/relay/relay-ports.ts';
import { slackEmojiKey, slackEmojiName } from '../shared/emoji-names.ts';
import { currentCountLine, neededLine, withCountLine, type LineStyle } from '../shared/reaction-line.ts';
import { MESSAGE_TEXT_MAX } from './relayed-copy.ts';
import { classifySlackError, unavailableChannel } from './slack-errors.ts';
import type { WorkspaceClients } from './slack-ports.ts';

type WebClient = webApi.WebClient;

/** Answers that mean the wanted state holds already for that emoji, or there is no message left. */
const SETTLED = new Set(['already_reacted', 'no_reaction']);
const ITALIC: LineStyle = { open: '_', close: '_', maxLength: MESSAGE_TEXT_MAX };

interface BotIdentity {
  userId: string;
  botId: string;
}

export class SlackReactionPoster {
  /** The bot's user and bot ids per workspace (auth.test), to tell its reactions and posts from members'. */
  private readonly bots = new Map<string, BotIdentity>();

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
      const bot = await this.botIdentity(client, teamId);
      const got = await client.reactions.get({ channel, timestamp: ts, full: true });
      const mine = new Map<string, string>();
      for (const reaction of got.message?.reactions ?? []) {
        if (reaction.name && reaction.users?.includes(bot.userId)) {
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
      const line = neededLine(reactions, (emoji) => slackEmojiName(emoji, teamId) !== undefined);
      if (!abandoned?.aborted) await this.showLine(client, channel, ts, bot, line);
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

  /** Puts the count line on the bot's own copy (or takes it off) when it is not what it should be. */
  private async showLine(
    client: WebClient,
    channel: string,
    ts: string,
    bot: BotIdentity,
    line: string | undefined,
  ): Promise<void> {
    const found = await client.conversations.replies({ channel, ts });
    const message = found.messages?.find((m) => m.ts === ts);
    if (!message || message.bot_id !== bot.botId) return;
    const text = message.text ?? '';
    if (currentCountLine(text, ITALIC) === line) return;
    await client.chat.update({ channel, ts, text: withCountLine(text, line, ITALIC) });
  }

  private async botIdentity(client: WebClient, teamId: string): Promise<BotIdentity> {
    const known = this.bots.get(teamId);
    if (known) return known;
    const me = await client.auth.test();
    const bot = { userId: me.user_id ?? '', botId: me.bot_id ?? '' };
    if (bot.userId) this.bots.set(teamId, bot);
    return bot;
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
