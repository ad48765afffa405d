/**
 * Interactions end to end: delivering INTERACTION_CREATE payloads the way Discord sends
 * them and recording per interaction what the bot answered — the callback
 * (interaction-callbacks.ts) and the interaction webhook (interaction-webhook.ts) — so a
 * test can await it (developers/interactions/receiving-and-responding.mdx).
 */

import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
  APIMessageInteractionMetadata,
  APIModalSubmissionComponent,
  APIModalSubmitInteraction,
} from 'discord.js';
import { ComponentType, InteractionResponseType, InteractionType } from 'discord.js';

import { buildCommandData } from './commands.ts';
import type { RestResult, UploadedFile } from './http-body.ts';
import { apiErrors } from './http-body.ts';
import { answerCallback } from './interaction-callbacks.ts';
import { fillModal, requireButton, requireSelectValues, textInputRows } from './interaction-components.ts';
import { basePayload, placeOf, placeOfMessage, resolveMessage } from './interaction-payloads.ts';
import type {
  Actor,
  AutocompleteInput,
  ComponentInput,
  InteractionCallback,
  InteractionEdit,
  InteractionEnvironment,
  InteractionOutcome,
  InteractionPlace,
  InteractionRecord,
  ModalSubmitInput,
  SelectInput,
  SlashCommandInput,
} from './interaction-types.ts';
import { answerInteractionWebhook } from './interaction-webhook.ts';
import type { MessageRecord } from './messages.ts';
import type { Waiters } from './wait.ts';

export { findComponent } from './interaction-components.ts';
// The input and outcome types tests use (Actor, SlashCommandInput, InteractionOutcome, …).
export type * from './interaction-types.ts';

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
    const place = placeOf(this.env, input);
    const data = buildCommandData(input, { ...this.env, guild: place.guild, channel: place.channel });
    const payload = {
      ...basePayload(this.env, place, InteractionType.ApplicationCommand),
      type: InteractionType.ApplicationCommand,
      data,
    } as APIChatInputApplicationCommandInteraction;
    return this.#deliver(payload, place, { commandName: input.name });
  }

  autocomplete(input: AutocompleteInput): InteractionHandle {
    const place = placeOf(this.env, input);
    const data = buildCommandData(input, {
      ...this.env,
      guild: place.guild,
      channel: place.channel,
      focused: input.focused,
    });
    const payload = {
      ...basePayload(this.env, place, InteractionType.ApplicationCommandAutocomplete),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: { ...data, options: data.options ?? [] },
    } as APIApplicationCommandAutocompleteInteraction;
    return this.#deliver(payload, place, { commandName: input.name });
  }

  buttonClick(input: ComponentInput): InteractionHandle {
    const { record, place } = this.#componentSource(input);
    requireButton(record.message, input.customId);
    const payload: APIMessageComponentButtonInteraction = {
      ...basePayload(this.env, place, InteractionType.MessageComponent),
      type: InteractionType.MessageComponent,
      data: { custom_id: input.customId, component_type: ComponentType.Button },
      message: record.message,
    };
    return this.#deliver(payload, place, { componentMessageId: record.message.id });
  }

  selectMenu(input: SelectInput): InteractionHandle {
    const { record, place } = this.#componentSource(input);
    requireSelectValues(record.message, input.customId, input.values);
    const payload: APIMessageComponentSelectMenuInteraction = {
      ...basePayload(this.env, place, InteractionType.MessageComponent),
      type: InteractionType.MessageComponent,
      data: {
        custom_id: input.customId,
        component_type: ComponentType.StringSelect,
        values: [...input.values],
      },
      message: record.message,
    };
    return this.#deliver(payload, place, { componentMessageId: record.message.id });
  }

  /** A modal submit built from scratch: one action row with one text input per field. */
  modalSubmit(input: ModalSubmitInput): InteractionHandle {
    const message = input.message === undefined ? undefined : resolveMessage(this.env, input.message);
    const place = message ? placeOfMessage(this.env, input, message) : placeOf(this.env, input);
    return this.#modal(input.customId, textInputRows(input.fields), place, message);
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
    const components = fillModal(callback.data, fields);
    const message =
      source.componentMessageId === undefined ? undefined : this.env.messages.get(source.componentMessageId);
    const place = {
      guild: source.guild,
      channel: source.channel,
      user: actor.user === undefined ? source.user : this.env.state.requireUser(actor.user),
      locale: actor.locale,
    };
    return this.#modal(String(callback.data.custom_id), components, place, message, source);
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
    return answerCallback(this.env, record, body, files, withResponse);
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
    return answerInteractionWebhook(this.env, record, method, messageRef, body, files);
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  // ---- internals ------------------------------------------------------------

  #modal(
    customId: string,
    components: APIModalSubmissionComponent[],
    place: InteractionPlace,
    message: MessageRecord | undefined,
    source?: InteractionRecord,
  ): InteractionHandle {
    const payload: APIModalSubmitInteraction = {
      ...basePayload(this.env, place, InteractionType.ModalSubmit),
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
    return this.#deliver(payload, place, { componentMessageId: message?.message.id, triggering });
  }

  #componentSource(input: ComponentInput): { record: MessageRecord; place: InteractionPlace } {
    const record = resolveMessage(this.env, input.message);
    return { record, place: placeOfMessage(this.env, input, record) };
  }

  #deliver(
    payload: APIInteraction,
    place: InteractionPlace,
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
      channel: place.channel,
      guild: place.guild,
      user: place.user,
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
