/**
 * Going / Maybe / Not going on an exchange card: run `rsvp`, redraw the card in place (as the
 * channel sees it) and tell the clicker privately what happened. A card only the clicker sees
 * (an ephemeral answer) becomes their updated card instead.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { InboundPort } from '../../core/adapter-contract.ts';
import { DeferTimer, type DeadlineTimer } from '../../core/async/deadline.ts';
import { KeyedSerialQueue } from '../../core/async/keyed-serial-queue.ts';
import type { Reply } from '../../core/commands/invocation.ts';
import {
  cardMessage,
  headlineOf,
  parseRsvpCustomId,
  renderOutgoing,
  renderReply,
  type DiscordMessageBody,
  type RsvpAnswer,
} from './discord-messages.ts';
import { discordText } from './discord-texts.ts';
import type { InteractionPlace } from './interaction-place.ts';

/** What a click did: the core's answer, and whether the clicked message now shows the new card. */
interface ClickOutcome {
  reply: Reply;
  updated: boolean;
}

export class RsvpButtons {
  /** The RSVP, redraw and update of one message run in turn, so the card shows the latest answer. */
  private readonly perMessage = new KeyedSerialQueue();

  constructor(
    private readonly inbound: InboundPort,
    private readonly deferAfterMs: number,
    private readonly timer: DeadlineTimer,
  ) {}

  async onClick(interaction: ButtonInteraction, place: InteractionPlace): Promise<void> {
    const parsed = parseRsvpCustomId(interaction.customId);
    if (!parsed) {
      const language = await this.inbound.readerLanguage(place.actor, place.locale);
      await interaction.reply({
        content: discordText(language, 'button.unknown'),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const message = interaction.message;
    const ephemeralCard = message.flags.has(MessageFlags.Ephemeral);
    // Two quick clicks cannot leave the card showing the first one's counts.
    const { reply, updated } = await this.perMessage.run(`${message.channelId}:${message.id}`, () =>
      this.answerAndRedraw(interaction, place, { ...parsed, ephemeralCard }),
    );
    // What happened, for the clicker alone (their card already says it when it was theirs).
    if (ephemeralCard && updated) return;
    const [notice] = renderReply(reply, { withCard: false });
    if (!notice) return;
    if (interaction.replied || interaction.deferred) {
      await interaction.followUp({ ...notice, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ ...notice, flags: MessageFlags.Ephemeral });
    }
  }

  private async answerAndRedraw(
    interaction: ButtonInteraction,
    place: InteractionPlace,
    click: { exchange: number; answer: RsvpAnswer; ephemeralCard: boolean },
  ): Promise<ClickOutcome> {
    const defer = new DeferTimer(this.deferAfterMs, () => interaction.deferUpdate(), this.timer);
    let reply: Reply;
    let body: DiscordMessageBody | undefined;
    try {
      reply = await this.inbound.runCommand({
        command: 'rsvp',
        options: { event: click.exchange, answer: click.answer },
        ...place,
        // A channel's card: the command redraws it, and this answer shows that redraw.
        ...(click.ephemeralCard ? {} : { clickedMessageId: interaction.message.id }),
      });
      body = reply.clickedCard
        ? renderOutgoing(reply.clickedCard.message)
        : await this.redrawnCard(interaction, place, click, reply);
    } finally {
      await defer.settle().catch(() => undefined);
    }
    if (body) {
      if (interaction.deferred) await interaction.editReply(body);
      else await interaction.update(body);
    }
    // Shown: the outbox's edit of the same message, held back until now, is not needed.
    if (reply.clickedCard) await this.inbound.clickedCardShown(reply.clickedCard.redrawKey);
    return { reply, updated: body !== undefined };
  }

  /**
   * What the clicked message should show now, if it changes, when the command did not redraw it
   * (an answer refused, an older card of the exchange, a card only the clicker sees).
   */
  private async redrawnCard(
    interaction: ButtonInteraction,
    place: InteractionPlace,
    click: { exchange: number; ephemeralCard: boolean },
    reply: Reply,
  ): Promise<DiscordMessageBody | undefined> {
    const message = interaction.message;
    if (click.ephemeralCard) {
      // Only the clicker sees this card: it becomes their updated one.
      return reply.error || !reply.exchange
        ? undefined
        : cardMessage(reply.exchange, headlineOf(reply.text, reply.exchange));
    }
    // A channel's card: redrawn as that channel shows it, also when the answer was refused
    // (a cancelled exchange loses its buttons).
    const card =
      (await this.inbound.channelCard(place.actor, place.channel, click.exchange)) ??
      (reply.error ? undefined : reply.exchange);
    return card && cardMessage(card, message.content);
  }
}
