/**
 * A click on an exchange card's RSVP button: runs `rsvp`, answers the clicker privately, and
 * redraws the card in place with the channel's own view of the exchange (its language and zone).
 * Redraws of one message run one after another, so the last one shows the latest answers.
 */
import type { BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { InboundPort } from '../../core/adapter-contract.ts';
import { KeyedSerialQueue } from '../../core/async/keyed-serial-queue.ts';
import type { ChannelRef, Reply } from '../../core/commands/invocation.ts';
import {
  exchangeBlocks,
  headlineFromBlocks,
  parseRsvpActionId,
  renderOutgoing,
  renderReply,
} from './block-kit.ts';
import type { SlackAnswers } from './slack-answers.ts';
import type { Identified, SlackProfiles } from './slack-profiles.ts';
import { escapeSlackText } from './slack-text.ts';

type WebClient = webApi.WebClient;

interface CardContainer {
  channel_id?: string;
  is_ephemeral?: boolean;
  message_ts?: string;
}

/** The posted card a click came from. */
interface ClickedCard {
  channel: ChannelRef;
  ts: string;
  exchangeNumber: number;
  headline: string | undefined;
}

export class RsvpButtons {
  private readonly redraws = new KeyedSerialQueue();

  constructor(
    private readonly inbound: InboundPort,
    private readonly profiles: SlackProfiles,
    private readonly answers: SlackAnswers,
  ) {}

  async click(
    body: BlockAction<ButtonAction>,
    action: ButtonAction,
    respond: RespondFn,
    client: WebClient,
  ): Promise<void> {
    const parsed = parseRsvpActionId(action.action_id);
    const container = body.container as CardContainer;
    const channelId = body.channel?.id ?? container.channel_id;
    if (!parsed || typeof channelId !== 'string') return;
    const channel = { id: channelId, name: body.channel?.name ?? channelId };
    const who = await this.profiles.identify(client, {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      teamName: body.team?.domain,
      userId: body.user.id,
      userName: body.user.name ?? body.user.username,
    });
    const ts = body.message?.ts ?? container.message_ts;
    const reply = await this.inbound.runCommand({
      command: 'rsvp',
      options: { event: parsed.exchange, answer: parsed.answer },
      actor: who.actor,
      channel,
      locale: who.locale,
      // A channel's card: the command redraws it, and this click's chat.update shows that redraw.
      ...(container.is_ephemeral || !ts ? {} : { clickedMessageId: ts }),
    });
    if (reply.error || !reply.exchange) {
      await this.answers.respond(respond, { ...reply, private: true });
    } else if (container.is_ephemeral) {
      // Only the clicker sees this card: replace it with their updated one.
      await this.answers.safely('respond', () => respond({ replace_original: true, ...renderReply(reply) }));
    } else {
      await this.answers.respond(
        respond,
        { ...reply, private: true },
        renderReply(reply, { withCard: false }),
      );
    }
    if (container.is_ephemeral) return;
    // A channel's card is redrawn also when the answer was refused: a cancelled exchange's card
    // loses its buttons.
    if (!ts) return;
    const card = {
      channel,
      ts,
      exchangeNumber: parsed.exchange,
      headline: headlineFromBlocks(body.message?.blocks),
    };
    await this.redraws.run(`${channel.id}:${ts}`, () => this.redraw(client, who, card, reply));
  }

  /** Resolves once every redraw queued so far has finished. */
  idle(): Promise<void> {
    return this.redraws.idle();
  }

  private async redraw(
    client: WebClient,
    who: Identified,
    clicked: ClickedCard,
    reply: Reply,
  ): Promise<void> {
    if (reply.clickedCard) {
      const { message, redrawKey } = reply.clickedCard;
      const shown = await this.answers.safely('chat.update', () =>
        client.chat.update({ channel: clicked.channel.id, ts: clicked.ts, ...renderOutgoing(message) }),
      );
      // Shown: the outbox's edit of the same message, held back until now, is not needed.
      if (shown) await this.inbound.clickedCardShown(redrawKey);
      return;
    }
    const card =
      (await this.inbound.channelCard(who.actor, clicked.channel, clicked.exchangeNumber)) ??
      (reply.error ? undefined : reply.exchange);
    if (!card) return;
    const fallback = clicked.headline ? `${clicked.headline}\n` : '';
    await this.answers.safely('chat.update', () =>
      client.chat.update({
        channel: clicked.channel.id,
        ts: clicked.ts,
        text: escapeSlackText(`${fallback}#${card.number} ${card.title}`),
        blocks: exchangeBlocks(card, clicked.headline),
      }),
    );
  }
}
