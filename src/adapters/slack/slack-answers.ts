/**
 * How a command's answer reaches the person: private answers, every refusal and the
 * confirmations of coordinators' commands are ephemeral, the rest go to the channel. Through the response_url when the request has one (slash commands,
 * buttons), else through the Web API (forms, mentions). A failed call is logged, never thrown
 * into Bolt: the command itself has run.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { CommandDefinition } from '../../core/commands/definition.ts';
import type { ChannelRef, Reply } from '../../core/commands/invocation.ts';
import type { Logger } from '../../core/ports.ts';
import { renderReply, type SlackMessageBody } from './block-kit.ts';
import type { Identified } from './slack-profiles.ts';

type WebClient = webApi.WebClient;

/** Private answers and refusals are seen only by the person who asked. */
export function isPrivate(reply: Reply): boolean {
  return reply.private || reply.error !== undefined;
}

/**
 * A coordinator's command (announce, cancel, link …) reaches the channels as the posts it causes
 * (the card, the announcement): its confirmation is for the coordinator, not the whole channel.
 */
export function answerFor(definition: Pick<CommandDefinition, 'role'> | undefined, reply: Reply): Reply {
  return definition?.role === 'coordinator' && !reply.private ? { ...reply, private: true } : reply;
}

export class SlackAnswers {
  constructor(private readonly logger: Logger) {}

  /** Through the response_url: ephemeral when private, else in the channel. */
  async respond(
    respond: RespondFn,
    reply: Reply,
    body: SlackMessageBody = renderReply(reply),
  ): Promise<void> {
    await this.safely('respond', () =>
      respond({
        response_type: isPrivate(reply) ? 'ephemeral' : 'in_channel',
        replace_original: false,
        ...body,
      }),
    );
  }

  /** Without a response_url: an ephemeral message, or a message in the channel (or thread). */
  async inChannel(
    client: WebClient,
    reply: Reply,
    who: Identified,
    channel: ChannelRef,
    threadTs?: string,
  ): Promise<void> {
    const body = renderReply(reply);
    try {
      if (isPrivate(reply)) {
        await client.chat.postEphemeral({ channel: channel.id, user: who.actor.userId, ...body });
      } else {
        await client.chat.postMessage({
          channel: channel.id,
          ...body,
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
      }
    } catch (error) {
      // The bot is not in that channel (a form opened elsewhere): the answer goes to a direct message.
      this.logger.info({ err: error, channel: channel.id }, 'Slack answer sent as a direct message instead');
      await this.safely('chat.postMessage', () =>
        client.chat.postMessage({ channel: who.actor.userId, ...body }),
      );
    }
  }

  /** Runs a Web API call whose failure should be logged, not thrown into Bolt; true when it went through. */
  async safely(what: string, call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (error) {
      this.logger.warn({ err: error, call: what }, 'Slack call failed');
      return false;
    }
  }
}
