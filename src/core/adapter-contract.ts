/**
 * The contract between the core and every chat platform, in both directions:
 *
 *   platform ──(InboundPort)──▶ core      what an adapter may ask: run a command, suggest values,
 *                                         read a card, tell the reader's language; and what
 *                                         members write, edit and delete (the relay)
 *   core ──(ChannelPoster)──▶ platform    what the outbox asks of an adapter: post, message a
 *                                         person, edit an earlier post
 *
 * A PlatformAdapter is one platform's side of it: a connection (client lifecycle, reconnects), an
 * inbound router (platform events → InboundPort) and a poster. main.ts runs every adapter the same
 * way, the console included. Interfaces, not base classes: a missing method is a compile error.
 */
import type { Actor, ChannelRef, CommandRequest, Reply } from './commands/invocation.ts';
import type { AutocompleteSource } from './commands/definition.ts';
import type { Platform } from './domain/model.ts';
import type { SupportedLanguage } from './i18n/languages.ts';
import type { ChannelPoster } from './ports.ts';
import type { AttachmentSource } from './relay/attachment-files.ts';
import type {
  ArrivedMessage,
  DeletedMessage,
  EditedMessage,
  ReactionChange,
  RelayResumePoint,
} from './relay/relay-ports.ts';
import type { ExchangeCard } from './views/exchange-card.ts';

/** A value offered while a member types an option (Discord autocomplete, Slack menus). */
export interface Suggestion {
  /** A number for partnerships, exchanges and announcements; the code for zones and countries. */
  value: number | string;
  label: string;
}

/** Everything an adapter may ask of the core. */
export interface InboundPort {
  /**
   * Runs a command typed as text or parsed by the platform. Never rejects: a refusal or an
   * unexpected failure comes back as a Reply with `error` set (translated, with a reference).
   */
  runCommand(request: CommandRequest): Promise<Reply>;
  /**
   * What the member can pick for an option: their own town's partnerships, exchanges and
   * announcements; zones and countries (named in `locale`) for anyone.
   */
  suggest(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    source: AutocompleteSource,
    typed: string,
    locale?: string,
  ): Promise<Suggestion[]>;
  /** An exchange's card as a linked channel shows it; null when the channel is not linked to it. */
  channelCard(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    channel: ChannelRef,
    exchangeNumber: number,
  ): Promise<ExchangeCard | null>;
  /**
   * The click's answer showed the card its command redrew (Reply.clickedCard): the outbox's edit
   * of it, held back meanwhile, is withdrawn. Never rejects (a failure is logged; the edit then
   * goes out and shows the same card).
   */
  clickedCardShown(redrawKey: string): Promise<void>;
  /** The language answers to this person come in, for texts shown before a command runs (forms). */
  readerLanguage(
    actor: Pick<Actor, 'platform' | 'communityExternalId' | 'userId'>,
    locale?: string,
  ): Promise<SupportedLanguage>;
  /**
   * A member wrote, edited or deleted a message in a channel (not the bot, not a webhook): relayed
   * where the channel relays (docs/RELAY.md). Never rejects; resolves once it is in the outbox.
   */
  messageArrived(message: ArrivedMessage): Promise<void>;
  messageEdited(edit: EditedMessage): Promise<void>;
  messageDeleted(deleted: DeletedMessage): Promise<void>;
  /** A member reacted to a message, or took the reaction back: mirrored where it was relayed. Never rejects. */
  reactionChanged(change: ReactionChange): Promise<void>;
  /**
   * The platform's relaying channels and the newest messages the relay knows in each: at start,
   * what members wrote after them while the bot was down is read and handed to messageArrived.
   */
  relayResumePoints(platform: Platform): Promise<RelayResumePoint[]>;
}

/**
 * Where an adapter's link to its platform stands, for /healthz and the metrics. connected: it
 * receives and can post; connecting: starting, or reconnecting by itself; disconnected: not
 * started, stopped, or given up (a token the platform refused).
 */
export type ConnectionState = 'connected' | 'connecting' | 'disconnected';

/** One platform as main() runs it. */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** How the outbox posts there; usable before start() (it answers "not connected", retryable). */
  readonly poster: ChannelPoster;
  /** Reads files members shared there, for their copies elsewhere; absent: such files are linked. */
  readonly attachmentSource?: AttachmentSource;
  /** The state now, read whenever health or metrics are asked for. */
  connectionState(): ConnectionState;
  /** Connects and starts handing what arrives to the InboundPort. */
  start(): Promise<void>;
  /**
   * Stops receiving, lets answers under way finish (bounded), disconnects. Resolves within the
   * adapter's stop bound whatever state the platform is in.
   */
  stop(): Promise<void>;
}
