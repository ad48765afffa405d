import type { Platform } from '../domain/model.ts';
import type { OutgoingMessage } from '../outbox-ports.ts';
import type { ExchangeCard } from '../views/exchange-card.ts';

/** Who is acting, as the platform identifies them. */
export interface Actor {
  platform: Platform;
  /** Discord guild id, Slack team id, or the console community name. */
  communityExternalId: string;
  communityName: string;
  userId: string;
  displayName: string;
  /**
   * Whether the platform says this person administers the community: Discord Manage Server or
   * Administrator, a Slack workspace admin or owner or the user who installed the app, always on
   * the (local) console. Commands marked `communityAdmin` need it (registering a town, naming
   * coordinators), even from a coordinator: the server's or workspace's owners decide who speaks
   * for the town, and can always recover a town whose coordinators left.
   */
  communityAdmin: boolean;
}

export interface ChannelRef {
  id: string;
  name: string;
  /**
   * Why the bot could not post here, when the platform tells up front (Discord: the interaction's
   * app permissions lack Send Messages, say). Linking such a channel is refused with this reason
   * instead of failing at the first post. Absent when the bot can post or nobody knows yet.
   */
  postingBlocked?: string;
  /**
   * With postingBlocked: the command that lets the bot in (Slack: `/invite @Twinbridge`), when
   * the bot is not a member of the channel at all. The refusal then names it.
   */
  postingFix?: string;
  /**
   * With postingBlocked, on Discord: the permissions the bot lacks here, which the refusal names
   * as Discord's client names them in the reader's language.
   */
  missingPermissions?: readonly PostingPermission[];
  /**
   * What keeps the bot from reading members' messages here, when the adapter knows (only told
   * with `channel relay`): relaying can be turned on, copies from partners arrive, but nothing
   * written here is relayed until the operator enables it.
   */
  relayReadingGap?: RelayReadingGap;
}

/** What the operator must enable before the bot can read members' messages (docs/RELAY.md). */
export type RelayReadingGap =
  /** Discord's privileged Message Content intent (Developer Portal, DISCORD_MESSAGE_CONTENT=on). */
  | { kind: 'discord-message-content' }
  /** Slack scopes the workspace did not grant (channels:history, groups:history). */
  | { kind: 'slack-scopes'; scopes: readonly string[] };

/** What the bot needs to post in a Discord channel (a thread needs its own send permission). */
export type PostingPermission = 'view-channel' | 'send-messages' | 'send-messages-in-threads' | 'embed-links';

interface RequestBase {
  actor: Actor;
  channel: ChannelRef;
  /** The platform's locale for this person (Discord sends one per interaction; Slack's users.info has one). */
  locale?: string;
  /** Slack's slash command (SLACK_COMMAND) when it is not `/twin`: help and usage are written with it. */
  slashCommand?: string;
  /** The bot's message (its platform id) whose button ran the command: see Reply.clickedCard. */
  clickedMessageId?: string;
}

/** A command typed as text: `event create title:"Visit" start:"tomorrow 18:00"`. */
export interface TextCommandRequest extends RequestBase {
  text: string;
}

/** A command whose id and options a platform already parsed (Discord slash commands, buttons). */
export interface StructuredCommandRequest extends RequestBase {
  command: string;
  options: Record<string, unknown>;
}

export type CommandRequest = TextCommandRequest | StructuredCommandRequest;

/** What the bot answers. `private` answers are shown only to the person (ephemeral). */
export interface Reply {
  text: string;
  private: boolean;
  /** Set when the answer is about one exchange: adapters render it as a card with RSVP buttons. */
  exchange?: ExchangeCard;
  /** Values a script may reuse (the console substitutes `$invite` with the last invite code). */
  values?: Record<string, string>;
  /**
   * Set for failures, so adapters and tests can tell them apart without reading text.
   * `option` names the option the problem is about, when there is one.
   */
  error?: { key: string; ref?: string; option?: string };
  /**
   * With clickedMessageId, when the command redrew that card: the message as its channel shows it
   * now, for the click's own answer to show. The outbox holds the same edit back for a while, so
   * a lost answer still leaves the card right; InboundPort.clickedCardShown withdraws it.
   */
  clickedCard?: { message: OutgoingMessage; redrawKey: string };
}
