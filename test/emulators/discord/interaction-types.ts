// Interaction types: what tests pass in (actors, inputs), what they get back, and the per-interaction record.

import type {
  APIAuthorizingIntegrationOwnersMap,
  APIInteraction,
  APIMessage,
  APIMessageInteractionMetadata,
  InteractionResponseType,
  InteractionType,
} from 'discord.js';

import type { CommandPath, CommandStore } from './commands.ts';
import type { MessageRecord, MessageStore } from './messages.ts';
import type { SnowflakeGenerator } from './snowflake.ts';
import type { ChannelRecord, DiscordState, GuildRecord, UserRecord } from './state.ts';
import type { Waiters } from './wait.ts';

/** Who acts, and where. Every field has a default: the first guild, its first text channel, its first human member. */
export interface Actor {
  /** User id or username. */
  readonly user?: string;
  /** Guild id or name; `null` for a DM with the bot. */
  readonly guild?: string | null;
  /** Channel id or name (ignored in DMs). */
  readonly channel?: string;
  /** Overrides the user's client language (`locale`). */
  readonly locale?: string;
}

export interface SlashCommandInput extends Actor, CommandPath {}

export interface AutocompleteInput extends SlashCommandInput {
  /** The option being typed; its value in `options` is the partial text. */
  readonly focused: string;
}

export interface ComponentInput extends Omit<Actor, 'channel' | 'guild'> {
  /** The message the component is on: an id of a stored message, or a message object. */
  readonly message: string | APIMessage;
  readonly customId: string;
}

export interface SelectInput extends ComponentInput {
  readonly values: readonly string[];
}

export interface ModalSubmitInput extends Actor {
  readonly customId: string;
  /** Text input custom_id -> value. */
  readonly fields: Readonly<Record<string, string>>;
  /** For modals opened from a component: the message that component is on. */
  readonly message?: string | APIMessage;
}

export interface InteractionCallback {
  /** InteractionResponseType: 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  readonly type: InteractionResponseType;
  /** The `data` the bot sent, as sent. */
  readonly data: Record<string, unknown>;
  readonly at: number;
  /** Time from delivery to the callback request. */
  readonly latencyMs: number;
  /** Whether it came within the response deadline (3 s on Discord). */
  readonly withinDeadline: boolean;
  /** The message the callback created or updated (types 4, 5, 7), as it was right after. */
  readonly message?: APIMessage;
}

export interface InteractionEdit {
  /** `@original` or a follow-up id. */
  readonly target: string;
  readonly body: Record<string, unknown>;
  /** The message after the edit. */
  readonly message: APIMessage;
  readonly at: number;
}

export interface InteractionOutcome {
  readonly callback: InteractionCallback | undefined;
  /** Current state of the original response (for component callbacks 6/7: the component's message). */
  readonly original: APIMessage | undefined;
  /** Follow-up messages in order, current state. */
  readonly followUps: readonly APIMessage[];
  readonly edits: readonly InteractionEdit[];
  /** Ids of messages deleted through the interaction webhook. */
  readonly deleted: readonly string[];
  /** The deadline passed without a callback (Discord shows "The application did not respond"). */
  readonly expired: boolean;
}

/** What the emulator keeps per delivered interaction. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  readonly payload: APIInteraction;
  readonly createdAt: number;
  readonly channel: ChannelRecord;
  readonly guild: GuildRecord | null;
  readonly user: UserRecord;
  readonly commandName: string | undefined;
  readonly componentMessageId: string | undefined;
  readonly owners: APIAuthorizingIntegrationOwnersMap;
  readonly triggering: APIMessageInteractionMetadata | undefined;
  callback: InteractionCallback | undefined;
  originalId: string | undefined;
  /** Deferred with type 5 and not yet edited: the first follow-up edits the original instead. */
  loading: boolean;
  readonly followUpIds: string[];
  readonly edits: InteractionEdit[];
  readonly deleted: string[];
  expired: boolean;
  tokenExpiresAt: number;
  deliveredTo: number;
}

export interface InteractionEnvironment {
  readonly state: DiscordState;
  readonly messages: MessageStore;
  readonly commands: CommandStore;
  readonly ids: SnowflakeGenerator;
  readonly waiters: Waiters;
  readonly applicationId: string;
  readonly deadlineMs: number;
  readonly enforceDeadline: boolean;
  readonly tokenTtlMs: number;
  /** Sends INTERACTION_CREATE; returns how many gateway sessions got it. */
  readonly dispatch: (payload: APIInteraction) => number;
  /** A message was created, edited or deleted (for gateway MESSAGE_* events). */
  readonly messageEvent: (kind: 'create' | 'update' | 'delete', record: MessageRecord) => void;
}

/** Where an interaction happens: resolved from an {@link Actor}. */
export interface InteractionPlace {
  readonly guild: GuildRecord | null;
  readonly channel: ChannelRecord;
  readonly user: UserRecord;
  readonly locale: string | undefined;
}
