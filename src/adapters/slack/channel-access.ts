/**
 * Whether the bot is in the channel a command is about to link (`channel link`, `partner join`).
 * A slash command works in any channel, but the bot can post only where it is a member: Slack
 * says so up front (conversations.info `is_member`; a private channel the bot is not in is
 * `channel_not_found`), so the link is refused at once with the fix instead of breaking at the
 * first post.
 */
import type { webApi } from '@slack/bolt';
import { commands } from '../../../commands/index.ts';
import { within, type DeadlineTimer } from '../../core/async/deadline.ts';
import type { ChannelRef } from '../../core/commands/invocation.ts';
import type { Logger } from '../../core/ports.ts';

type WebClient = webApi.WebClient;

/** What a person types to let the bot into a channel. */
export const INVITE_FIX = '/invite @Twinbridge';

/** Commands that make the channel they run in a partnership's channel. */
const LINKING_COMMANDS = [commands['channel.link'], commands['partner.join']];

/** True when the text runs a command that links its channel. */
export function linksChannel(text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/);
  return LINKING_COMMANDS.some((d) => d.path.every((word, i) => words[i] === word));
}

type Access = Pick<ChannelRef, 'postingBlocked' | 'postingFix'>;
const NOT_A_MEMBER: Access = { postingBlocked: 'the bot is not a member', postingFix: INVITE_FIX };

/** `postingBlocked` and the fix when Slack says the bot is not in the channel; else nothing. */
export async function channelAccess(
  client: WebClient,
  channelId: string,
  options: { logger: Logger; waitMs: number; timer?: DeadlineTimer | undefined },
): Promise<Access> {
  const lookup = client.conversations.info({ channel: channelId }).then(
    (answer): Access => (answer.channel?.is_member === false ? NOT_A_MEMBER : {}),
    (error: unknown): Access => {
      if ((error as { data?: { error?: string } }).data?.error === 'channel_not_found') return NOT_A_MEMBER;
      // Without the scope (an older install) or while Slack hiccups: the first post will tell.
      options.logger.debug({ err: error, channel: channelId }, 'Slack conversations.info failed');
      return {};
    },
  );
  return (await within(lookup, options.waitMs, options.timer)) ?? {};
}
