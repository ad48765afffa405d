/**
 * Interactions end to end: building INTERACTION_CREATE payloads the way Discord sends
 * them, and the other half — the callback (`POST /interactions/{id}/{token}/callback`)
 * and the interaction webhook (`/webhooks/{app}/{token}[/messages/@original|{id}]`) —
 * recorded per interaction so a test can await what the bot did
 * (developers/interactions/receiving-and-responding.mdx).
 */

import { randomBytes } from 'node:crypto';

import type {
  APIApplicationCommandAutocompleteInteraction,
  APIAuthorizingIntegrationOwnersMap,
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
  APIMessageInteractionMetadata,
  APIModalSubmissionComponent,
  APIModalSubmitInteraction,
  APIPartialInteractionGuild,
  Locale,
} from 'discord.js';
import {
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord.js';

import type { CommandPath, CommandStore } from './commands.ts';
import { buildCommandData, checkChoice } from './commands.ts';
import type { RestResult, UploadedFile } from './http-body.ts';
import { apiErrors, FormErrors } from './http-body.ts';
import type { MessageRecord, MessageStore } from './messages.ts';
import { asObject } from './messages.ts';
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

interface InteractionRecord {
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

/** What a test holds after delivering an interaction: await the bot's responses through it. */
export class InteractionHandle {
  readonly #record: InteractionRecord;
  readonly #registry: InteractionRegistry;

  constructor(record: InteractionRecord, registry: InteractionRegistry) {
    this.#record = record;
    this.#registry = registry;
  }

  get id(): string {
    return this.#record.id;
  }

  get token(): string {
    return this.#record.token;
  }

  /** The INTERACTION_CREATE payload as sent. */
  get payload(): APIInteraction {
    return this.#record.payload;
  }

  /** Gateway sessions it was sent (or queued for replay) to. */
  get deliveredTo(): number {
    return this.#record.deliveredTo;
  }

  /** The first response. Rejects if none arrives within the timeout. */
  response(timeoutMs?: number): Promise<InteractionCallback> {
    return this.#registry.waiters.until(
      () => this.#record.callback,
      `a response to interaction ${this.id}`,
      timeoutMs,
    );
  }

  /** The n-th follow-up message (0-based), current state. */
  followUp(index = 0, timeoutMs?: number): Promise<APIMessage> {
    return this.#registry.waiters.until(
      () => this.outcome().followUps[index],
      `follow-up #${index + 1} of interaction ${this.id}`,
      timeoutMs,
    );
  }

  /** The n-th edit (0-based) of the original or a follow-up. */
  edit(index = 0, timeoutMs?: number): Promise<InteractionEdit> {
    return this.#registry.waiters.until(
      () => this.#record.edits[index],
      `edit #${index + 1} of interaction ${this.id}`,
      timeoutMs,
    );
  }

  /** Resolves with the outcome once `predicate` holds. */
  until(
    predicate: (outcome: InteractionOutcome) => boolean,
    what = 'a condition',
    timeoutMs?: number,
  ): Promise<InteractionOutcome> {
    return this.#registry.waiters.until(
      () => {
        const outcome = this.outcome();
        return predicate(outcome) ? outcome : undefined;
      },
      `${what} on interaction ${this.id}`,
      timeoutMs,
    );
  }

  outcome(): InteractionOutcome {
    return this.#registry.outcome(this.#record);
  }

  /** Simulates the 15-minute token lifetime running out: the webhook answers 401 50027 afterwards. */
  expireToken(): void {
    this.#record.tokenExpiresAt = 0;
  }
}

const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export class InteractionRegistry {
  readonly #records = new Map<string, InteractionRecord>();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(private readonly env: InteractionEnvironment) {}

  get waiters(): Waiters {
    return this.env.waiters;
  }

  all(): InteractionHandle[] {
    return [...this.#records.values()].map((r) => new InteractionHandle(r, this));
  }

  slashCommand(input: SlashCommandInput): InteractionHandle {
    const where = this.#where(input);
    const data = buildCommandData(input, { ...this.env, guild: where.guild, channel: where.channel });
    const payload = {
      ...this.#base(where, InteractionType.ApplicationCommand),
      type: InteractionType.ApplicationCommand,
      data,
    } as APIChatInputApplicationCommandInteraction;
    return this.#deliver(payload, where, { commandName: input.name });
  }

  autocomplete(input: AutocompleteInput): InteractionHandle {
    const where = this.#where(input);
    const data = buildCommandData(input, {
      ...this.env,
      guild: where.guild,
      channel: where.channel,
      focused: input.focused,
    });
    const payload = {
      ...this.#base(where, InteractionType.ApplicationCommandAutocomplete),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: { ...data, options: data.options ?? [] },
    } as APIApplicationCommandAutocompleteInteraction;
    return this.#deliver(payload, where, { commandName: input.name });
  }

  buttonClick(input: ComponentInput): InteractionHandle {
    const { record, where } = this.#componentSource(input);
    const component = findComponent(record.message, input.customId);
    if (component?.type !== ComponentType.Button) {
      throw new Error(`Discord emulator: message ${record.message.id} has no button ${input.customId}`);
    }
    const payload: APIMessageComponentButtonInteraction = {
      ...this.#base(where, InteractionType.MessageComponent),
      type: InteractionType.MessageComponent,
      data: { custom_id: input.customId, component_type: ComponentType.Button },
      message: record.message,
    };
    return this.#deliver(payload, where, { componentMessageId: record.message.id });
  }

  selectMenu(input: SelectInput): InteractionHandle {
    const { record, where } = this.#componentSource(input);
    const component = findComponent(record.message, input.customId);
    if (component?.type !== ComponentType.StringSelect) {
      throw new Error(
        `Discord emulator: message ${record.message.id} has no string select ${input.customId}`,
      );
    }
    const options = Array.isArray(component.options) ? component.options.map((o) => asObject(o)?.value) : [];
    for (const value of input.values) {
      if (!options.includes(value)) {
        throw new Error(`Discord emulator: select ${input.customId} has no option ${value}`);
      }
    }
    const payload: APIMessageComponentSelectMenuInteraction = {
      ...this.#base(where, InteractionType.MessageComponent),
      type: InteractionType.MessageComponent,
      data: {
        custom_id: input.customId,
        component_type: ComponentType.StringSelect,
        values: [...input.values],
      },
      message: record.message,
    };
    return this.#deliver(payload, where, { componentMessageId: record.message.id });
  }

  /** A modal submit built from scratch: one action row with one text input per field. */
  modalSubmit(input: ModalSubmitInput): InteractionHandle {
    const message = input.message === undefined ? undefined : this.#resolveMessage(input.message);
    const where = message ? this.#whereForMessage(input, message) : this.#where(input);
    let id = 0;
    const components: APIModalSubmissionComponent[] = Object.entries(input.fields).map(
      ([customId, value]) => ({
        type: ComponentType.ActionRow,
        id: ++id,
        components: [{ type: ComponentType.TextInput, id: ++id, custom_id: customId, value }],
      }),
    );
    return this.#modal(input.customId, components, where, message);
  }

  /** Submits the modal the bot opened (callback type 9) on `handle`, filling its text inputs. */
  submitModal(
    handle: InteractionHandle,
    fields: Readonly<Record<string, string>>,
    actor: Actor = {},
  ): InteractionHandle {
    const source = this.#records.get(handle.id);
    const callback = source?.callback;
    if (!source || callback?.type !== InteractionResponseType.Modal) {
      throw new Error(`Discord emulator: interaction ${handle.id} did not open a modal`);
    }
    const modal = callback.data;
    const used = new Set<string>();
    let nextId = 0;
    const fill = (raw: unknown): APIModalSubmissionComponent | undefined => {
      const component = asObject(raw) ?? {};
      const id = typeof component.id === 'number' ? component.id : ++nextId;
      if (component.type === ComponentType.ActionRow) {
        const children = Array.isArray(component.components) ? component.components : [];
        return {
          type: ComponentType.ActionRow,
          id,
          components: children.map((c) => textInput(asObject(c) ?? {}, ++nextId)),
        };
      }
      if (component.type === ComponentType.Label) {
        return {
          type: ComponentType.Label,
          id,
          component: textInput(asObject(component.component) ?? {}, ++nextId),
        };
      }
      if (component.type === ComponentType.TextDisplay) return { type: ComponentType.TextDisplay, id };
      return undefined;
    };
    const textInput = (input: Record<string, unknown>, fallbackId: number) => {
      if (input.type !== ComponentType.TextInput || typeof input.custom_id !== 'string') {
        throw new Error('Discord emulator: submitModal only fills text inputs');
      }
      const value = fields[input.custom_id];
      if (value === undefined && input.required !== false) {
        throw new Error(`Discord emulator: required text input ${input.custom_id} needs a value`);
      }
      used.add(input.custom_id);
      return {
        type: ComponentType.TextInput as const,
        id: typeof input.id === 'number' ? input.id : fallbackId,
        custom_id: input.custom_id,
        value: value ?? '',
      };
    };
    const components = (Array.isArray(modal.components) ? modal.components : [])
      .map(fill)
      .filter((c) => c !== undefined);
    for (const name of Object.keys(fields)) {
      if (!used.has(name)) throw new Error(`Discord emulator: the modal has no text input ${name}`);
    }
    const message =
      source.componentMessageId === undefined ? undefined : this.env.messages.get(source.componentMessageId);
    const where = {
      guild: source.guild,
      channel: source.channel,
      user: actor.user === undefined ? source.user : this.env.state.requireUser(actor.user),
      locale: actor.locale,
    };
    return this.#modal(String(modal.custom_id), components, where, message, source);
  }

  outcome(record: InteractionRecord): InteractionOutcome {
    const messages = this.env.messages;
    return {
      callback: record.callback,
      original: record.originalId === undefined ? undefined : messages.get(record.originalId)?.message,
      followUps: record.followUpIds.flatMap((id) => {
        const found = messages.any(id);
        return found ? [found.message] : [];
      }),
      edits: [...record.edits],
      deleted: [...record.deleted],
      expired: record.expired,
    };
  }

  // ---- REST side ------------------------------------------------------------

  /** `POST /interactions/{id}/{token}/callback`. */
  callback(
    id: string,
    token: string,
    body: unknown,
    files: readonly UploadedFile[],
    withResponse: boolean,
  ): RestResult {
    const record = this.#records.get(id);
    if (!record || record.token !== token || record.expired) throw apiErrors.unknownInteraction();
    if (record.callback) throw apiErrors.alreadyAcknowledged();
    const request = asObject(body) ?? {};
    const type = request.type as InteractionResponseType;
    const data = asObject(request.data) ?? {};
    if (!allowedCallbacks(record).includes(type)) {
      const errors = new FormErrors();
      errors.add(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        'Invalid interaction response type for this interaction',
      );
      errors.throwIfAny();
    }
    const now = Date.now();
    let message: MessageRecord | undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        message = this.#createResponse(record, data, files, 0);
        record.originalId = message.message.id;
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        message = this.#createResponse(record, { flags: data.flags }, [], MessageFlags.Loading);
        record.originalId = message.message.id;
        record.loading = true;
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        record.originalId = record.componentMessageId;
        break;
      case InteractionResponseType.UpdateMessage: {
        const target =
          record.componentMessageId === undefined
            ? undefined
            : this.env.messages.get(record.componentMessageId);
        if (!target) throw apiErrors.unknownMessage();
        message = this.env.messages.edit(target, data, files);
        record.originalId = target.message.id;
        this.env.messageEvent('update', message);
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        checkChoices(data.choices);
        break;
      case InteractionResponseType.Modal:
        checkModal(data);
        break;
      default:
        break;
    }
    record.callback = {
      type,
      data,
      at: now,
      latencyMs: now - record.createdAt,
      withinDeadline: now - record.createdAt <= this.env.deadlineMs,
      ...(message ? { message: message.message } : {}),
    };
    record.tokenExpiresAt = now + this.env.tokenTtlMs;
    this.env.waiters.notify();
    if (!withResponse) return { status: 204 };
    const ephemeral = message ? ((message.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0 : undefined;
    return {
      status: 200,
      body: {
        interaction: {
          id: record.id,
          type: record.type,
          ...(message
            ? {
                response_message_id: message.message.id,
                response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
                response_message_ephemeral: ephemeral,
              }
            : {}),
        },
        resource: {
          type,
          ...(type === InteractionResponseType.ChannelMessageWithSource ||
          type === InteractionResponseType.UpdateMessage
            ? { message: message?.message }
            : {}),
        },
      },
    };
  }

  /** `/webhooks/{application_id}/{token}` and `/messages/{@original|id}` below it. */
  webhook(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    applicationId: string,
    token: string,
    messageRef: string | undefined,
    body: unknown,
    files: readonly UploadedFile[],
  ): RestResult {
    const record = [...this.#records.values()].find((r) => r.token === token);
    if (!record || applicationId !== this.env.applicationId || !record.callback) {
      throw apiErrors.unknownWebhook();
    }
    if (Date.now() > record.tokenExpiresAt) throw apiErrors.invalidWebhookToken();
    const data = asObject(body) ?? {};
    if (method === 'POST' && messageRef === undefined) {
      if (record.loading && record.originalId !== undefined) {
        // Documented compatibility rule: a follow-up right after a deferral edits the loading message.
        return { status: 200, body: this.#editTarget(record, '@original', data, files).message };
      }
      const created = this.#createResponse(record, data, files, 0, true);
      record.followUpIds.push(created.message.id);
      this.env.waiters.notify();
      return { status: 200, body: created.message };
    }
    if (messageRef === undefined) throw apiErrors.notFound();
    switch (method) {
      case 'GET':
        return { status: 200, body: this.#target(record, messageRef).message };
      case 'PATCH':
        return { status: 200, body: this.#editTarget(record, messageRef, data, files).message };
      case 'DELETE': {
        const target = this.#target(record, messageRef);
        target.deleted = true;
        record.deleted.push(target.message.id);
        this.env.messageEvent('delete', target);
        this.env.waiters.notify();
        return { status: 204 };
      }
      default:
        throw apiErrors.notFound();
    }
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  // ---- internals ------------------------------------------------------------

  #target(record: InteractionRecord, ref: string): MessageRecord {
    const id = ref === '@original' ? record.originalId : ref;
    const mine = id !== undefined && (id === record.originalId || record.followUpIds.includes(id));
    const target = mine ? this.env.messages.get(id) : undefined;
    if (!target) throw apiErrors.unknownMessage();
    return target;
  }

  #editTarget(
    record: InteractionRecord,
    ref: string,
    body: Record<string, unknown>,
    files: readonly UploadedFile[],
  ): MessageRecord {
    const target = this.#target(record, ref);
    const edited = this.env.messages.edit(target, body, files);
    if (target.message.id === record.originalId) record.loading = false;
    record.edits.push({ target: ref, body, message: edited.message, at: Date.now() });
    this.env.messageEvent('update', edited);
    this.env.waiters.notify();
    return edited;
  }

  #createResponse(
    record: InteractionRecord,
    body: Record<string, unknown>,
    files: readonly UploadedFile[],
    systemFlags: number,
    followUp = false,
  ): MessageRecord {
    const { state } = this.env;
    const base = {
      id: record.id,
      user: state.apiUser(record.user),
      authorizing_integration_owners: record.owners,
    };
    let metadata: APIMessageInteractionMetadata;
    if (record.type === InteractionType.MessageComponent) {
      metadata = {
        ...base,
        type: InteractionType.MessageComponent,
        interacted_message_id: record.componentMessageId ?? '',
      };
    } else if (record.type === InteractionType.ModalSubmit && record.triggering) {
      metadata = {
        ...base,
        type: InteractionType.ModalSubmit,
        triggering_interaction_metadata: record.triggering as Exclude<
          APIMessageInteractionMetadata,
          { type: InteractionType.ModalSubmit }
        >,
      };
    } else {
      metadata = { ...base, type: InteractionType.ApplicationCommand };
    }
    if (followUp && record.originalId !== undefined) {
      metadata = { ...metadata, original_response_message_id: record.originalId };
    }
    const created = this.env.messages.create({
      channel: record.channel,
      author: state.bot,
      body,
      files,
      type:
        record.commandName !== undefined && !followUp ? MessageType.ChatInputCommand : MessageType.Default,
      webhookId: this.env.applicationId,
      applicationId: this.env.applicationId,
      interactionMetadata: metadata,
      ...(record.commandName === undefined
        ? {}
        : { interaction: { id: record.id, type: record.type, name: record.commandName, user: base.user } }),
      allowEphemeral: true,
      systemFlags,
    });
    if (!created.ephemeral) this.env.messageEvent('create', created);
    return created;
  }

  #modal(
    customId: string,
    components: APIModalSubmissionComponent[],
    where: Where,
    message: MessageRecord | undefined,
    source?: InteractionRecord,
  ): InteractionHandle {
    const payload: APIModalSubmitInteraction = {
      ...this.#base(where, InteractionType.ModalSubmit),
      type: InteractionType.ModalSubmit,
      data: { custom_id: customId, components },
      ...(message ? { message: message.message } : {}),
    };
    const triggering: APIMessageInteractionMetadata | undefined = source && {
      id: source.id,
      user: this.env.state.apiUser(source.user),
      authorizing_integration_owners: source.owners,
      ...(source.type === InteractionType.MessageComponent
        ? { type: InteractionType.MessageComponent, interacted_message_id: source.componentMessageId ?? '' }
        : { type: InteractionType.ApplicationCommand }),
    };
    return this.#deliver(payload, where, { componentMessageId: message?.message.id, triggering });
  }

  #where(actor: Actor): Where {
    const { state } = this.env;
    if (actor.guild === null) {
      const user =
        actor.user === undefined ? state.defaultMember(state.requireGuild()) : state.requireUser(actor.user);
      return { guild: null, channel: state.dmChannel(user.id), user, locale: actor.locale };
    }
    const guild = state.requireGuild(actor.guild);
    const channel =
      actor.channel === undefined
        ? state.defaultTextChannel(guild)
        : state.requireChannel(actor.channel, guild.id);
    if (channel.guildId !== guild.id) {
      throw new Error(`Discord emulator: channel ${channel.id} is not in guild ${guild.name}`);
    }
    const user = actor.user === undefined ? state.defaultMember(guild) : state.requireUser(actor.user);
    if (!guild.members.has(user.id)) {
      throw new Error(`Discord emulator: ${user.username} is not a member of ${guild.name}`);
    }
    return { guild, channel, user, locale: actor.locale };
  }

  #whereForMessage(actor: Omit<Actor, 'channel' | 'guild'>, record: MessageRecord): Where {
    const channel = this.env.state.channels.get(record.channelId);
    if (!channel) {
      throw new Error(
        `Discord emulator: message ${record.message.id} is in unknown channel ${record.channelId}`,
      );
    }
    if (channel.guildId === null) {
      const recipient = channel.recipientId ?? undefined;
      return this.#where({ ...actor, user: actor.user ?? recipient, guild: null });
    }
    return this.#where({ ...actor, guild: channel.guildId, channel: channel.id });
  }

  #resolveMessage(ref: string | APIMessage): MessageRecord {
    if (typeof ref === 'string') {
      const record = this.env.messages.get(ref);
      if (!record) throw new Error(`Discord emulator: unknown message ${ref}`);
      return record;
    }
    return this.env.messages.adopt(ref, ref.author.id);
  }

  #componentSource(input: ComponentInput): { record: MessageRecord; where: Where } {
    const record = this.#resolveMessage(input.message);
    return { record, where: this.#whereForMessage(input, record) };
  }

  #base(where: Where, type: InteractionType) {
    const { state } = this.env;
    const { guild, channel, user } = where;
    const owners: APIAuthorizingIntegrationOwnersMap = {
      [ApplicationIntegrationType.GuildInstall]: guild?.id ?? '0',
    };
    const locale = (where.locale ?? user.locale) as Locale;
    const partialGuild: APIPartialInteractionGuild | undefined = guild
      ? { id: guild.id, locale: guild.preferredLocale as Locale, features: [] }
      : undefined;
    return {
      id: this.env.ids.next(),
      application_id: this.env.applicationId,
      type,
      token: `emulated.${randomBytes(24).toString('base64url')}`,
      version: 1 as const,
      channel: state.apiChannel(channel),
      channel_id: channel.id,
      app_permissions: guild ? state.permissions(guild, state.bot.id, channel).toString() : '0',
      locale,
      entitlements: [],
      authorizing_integration_owners: owners,
      context: guild ? InteractionContextType.Guild : InteractionContextType.BotDM,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      ...(guild && partialGuild
        ? {
            guild: partialGuild,
            guild_id: guild.id,
            guild_locale: guild.preferredLocale as Locale,
            member: state.interactionMember(guild, user.id, channel),
          }
        : { user: state.apiUser(user) }),
    };
  }

  #deliver(
    payload: APIInteraction,
    where: Where,
    extra: {
      commandName?: string;
      componentMessageId?: string | undefined;
      triggering?: APIMessageInteractionMetadata | undefined;
    },
  ): InteractionHandle {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      payload,
      createdAt: Date.now(),
      channel: where.channel,
      guild: where.guild,
      user: where.user,
      commandName: extra.commandName,
      componentMessageId: extra.componentMessageId,
      owners: payload.authorizing_integration_owners,
      triggering: extra.triggering,
      callback: undefined,
      originalId: undefined,
      loading: false,
      followUpIds: [],
      edits: [],
      deleted: [],
      expired: false,
      tokenExpiresAt: Number.POSITIVE_INFINITY,
      deliveredTo: 0,
    };
    this.#records.set(record.id, record);
    const sessions = this.env.dispatch(payload);
    if (sessions === 0) {
      this.#records.delete(record.id);
      throw new Error(
        'Discord emulator: no gateway session to deliver the interaction to (is the client logged in?)',
      );
    }
    record.deliveredTo = sessions;
    if (this.env.enforceDeadline) {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        if (!record.callback) {
          // Discord invalidates the token when the deadline passes unanswered.
          record.expired = true;
          this.env.waiters.notify();
        }
      }, this.env.deadlineMs);
      timer.unref();
      this.#timers.add(timer);
    }
    return new InteractionHandle(record, this);
  }
}

interface Where {
  readonly guild: GuildRecord | null;
  readonly channel: ChannelRecord;
  readonly user: UserRecord;
  readonly locale: string | undefined;
}

function allowedCallbacks(record: InteractionRecord): InteractionResponseType[] {
  const R = InteractionResponseType;
  switch (record.type) {
    case InteractionType.ApplicationCommandAutocomplete:
      return [R.ApplicationCommandAutocompleteResult];
    case InteractionType.ApplicationCommand:
      return [R.ChannelMessageWithSource, R.DeferredChannelMessageWithSource, R.Modal];
    case InteractionType.MessageComponent:
      return [
        R.ChannelMessageWithSource,
        R.DeferredChannelMessageWithSource,
        R.DeferredMessageUpdate,
        R.UpdateMessage,
        R.Modal,
      ];
    case InteractionType.ModalSubmit:
      return record.componentMessageId === undefined
        ? [R.ChannelMessageWithSource, R.DeferredChannelMessageWithSource]
        : [
            R.ChannelMessageWithSource,
            R.DeferredChannelMessageWithSource,
            R.DeferredMessageUpdate,
            R.UpdateMessage,
          ];
    case InteractionType.Ping:
      return [R.Pong];
  }
}

function checkChoices(value: unknown): void {
  const errors = new FormErrors();
  if (!Array.isArray(value)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else {
    if (value.length > 25) {
      errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
    value.forEach((c, i) => checkChoice(asObject(c) ?? {}, ['data', 'choices', i], errors));
  }
  errors.throwIfAny();
}

function checkModal(data: Record<string, unknown>): void {
  const errors = new FormErrors();
  const customId = data.custom_id;
  if (typeof customId !== 'string' || customId.length < 1 || customId.length > 100) {
    errors.add(['data', 'custom_id'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  if (typeof data.title !== 'string' || data.title.length < 1 || data.title.length > 45) {
    errors.add(['data', 'title'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 45 in length.');
  }
  const components = Array.isArray(data.components) ? data.components : [];
  if (components.length < 1 || components.length > 5) {
    errors.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
  errors.throwIfAny();
}

/** Finds an interactive component by custom_id anywhere in a message (rows, sections, containers). */
export function findComponent(message: APIMessage, customId: string): Record<string, unknown> | undefined {
  const visit = (raw: unknown): Record<string, unknown> | undefined => {
    const component = asObject(raw);
    if (!component) return undefined;
    if (component.custom_id === customId) return component;
    for (const key of ['components', 'accessory', 'component'] as const) {
      const child = component[key];
      const found = Array.isArray(child) ? child.map(visit).find((c) => c !== undefined) : visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return (message.components ?? []).map(visit).find((c) => c !== undefined);
}
