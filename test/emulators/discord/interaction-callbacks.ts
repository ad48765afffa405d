// Interaction callbacks (`POST /interactions/{id}/{token}/callback`): which types fit, and the message a response creates.

import type { APIMessageInteractionMetadata } from 'discord.js';
import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord.js';

import { checkChoice } from './commands.ts';
import type { RestResult, UploadedFile } from './http-body.ts';
import { apiErrors, FormErrors } from './http-body.ts';
import type { InteractionEnvironment, InteractionRecord } from './interaction-types.ts';
import type { MessageRecord } from './messages.ts';
import { asObject } from './messages.ts';

/** Records the bot's first response to `record` (Discord accepts one); `withResponse` asks for the callback resource. */
export function answerCallback(
  env: InteractionEnvironment,
  record: InteractionRecord,
  body: unknown,
  files: readonly UploadedFile[],
  withResponse: boolean,
): RestResult {
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
      message = createResponseMessage(env, record, data, files, 0);
      record.originalId = message.message.id;
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      message = createResponseMessage(env, record, { flags: data.flags }, [], MessageFlags.Loading);
      record.originalId = message.message.id;
      record.loading = true;
      break;
    case InteractionResponseType.DeferredMessageUpdate:
      record.originalId = record.componentMessageId;
      break;
    case InteractionResponseType.UpdateMessage: {
      const target =
        record.componentMessageId === undefined ? undefined : env.messages.get(record.componentMessageId);
      if (!target) throw apiErrors.unknownMessage();
      message = env.messages.edit(target, data, files);
      record.originalId = target.message.id;
      env.messageEvent('update', message);
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
    withinDeadline: now - record.createdAt <= env.deadlineMs,
    ...(message ? { message: message.message } : {}),
  };
  record.tokenExpiresAt = now + env.tokenTtlMs;
  env.waiters.notify();
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

/** The message an interaction response or follow-up creates, with its interaction metadata. */
export function createResponseMessage(
  env: InteractionEnvironment,
  record: InteractionRecord,
  body: Record<string, unknown>,
  files: readonly UploadedFile[],
  systemFlags: number,
  followUp = false,
): MessageRecord {
  const { state } = env;
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
  const created = env.messages.create({
    channel: record.channel,
    author: state.bot,
    body,
    files,
    type: record.commandName !== undefined && !followUp ? MessageType.ChatInputCommand : MessageType.Default,
    webhookId: env.applicationId,
    applicationId: env.applicationId,
    interactionMetadata: metadata,
    ...(record.commandName === undefined
      ? {}
      : { interaction: { id: record.id, type: record.type, name: record.commandName, user: base.user } }),
    allowEphemeral: true,
    systemFlags,
  });
  if (!created.ephemeral) env.messageEvent('create', created);
  return created;
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
