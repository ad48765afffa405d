/**
 * Message storage (developers/resources/message.mdx): creating and editing messages with their
 * flags, replies and attachments; the checks Discord applies to bodies and who they ping are in
 * message-body.ts.
 */

import type {
  APIAttachment,
  APIEmbed,
  APIMessage,
  APIMessageInteraction,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  APIUser,
} from 'discord.js';
import { MessageFlags, MessageReferenceType, MessageType } from 'discord.js';

import type { AttachmentCdn } from './attachment-cdn.ts';
import type { UploadedFile } from './http-body.ts';
import { apiErrors, FormErrors } from './http-body.ts';
import { asObject, checkBody, checkFileSizes, isEmpty, mentionsIn } from './message-body.ts';
import type { SnowflakeGenerator } from './snowflake.ts';
import { discordTimestamp } from './snowflake.ts';
import type { ChannelRecord, DiscordState, UserRecord } from './state.ts';

export { asObject, FILE_SIZE_LIMIT } from './message-body.ts';

export interface MessageRecord {
  /** The message as the API serves it now (edits applied). */
  message: APIMessage;
  readonly channelId: string;
  readonly authorId: string;
  readonly ephemeral: boolean;
  deleted: boolean;
  readonly createdAt: number;
  /** Set when the message was posted with `enforce_nonce: true`. */
  readonly enforcedNonce: string | undefined;
  /** The interaction whose response or follow-up this is. */
  readonly interactionId: string | undefined;
  /** Uploaded bytes per attachment id, served under `/attachments/...`. */
  readonly files: Map<string, UploadedFile>;
  /** Bodies of every PATCH applied, oldest first. */
  readonly edits: unknown[];
}

export interface CreateMessageParams {
  readonly channel: ChannelRecord;
  readonly author: UserRecord;
  readonly body: Record<string, unknown>;
  readonly files: readonly UploadedFile[];
  readonly type?: MessageType;
  readonly webhookId?: string;
  /** The author as the message shows it when it is not `author` (a webhook's name and avatar). */
  readonly shownAuthor?: APIUser;
  readonly applicationId?: string;
  readonly interactionMetadata?: APIMessageInteractionMetadata;
  readonly interaction?: APIMessageInteraction;
  /** Interaction responses may be ephemeral; channel posts may not. */
  readonly allowEphemeral?: boolean;
  /** Extra flags the platform sets itself (LOADING for deferred responses). */
  readonly systemFlags?: number;
}

// Flags a client may set (message.mdx, Create Message `flags`); EPHEMERAL only via interactions.
const SETTABLE_FLAGS =
  MessageFlags.SuppressEmbeds |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsVoiceMessage |
  MessageFlags.IsComponentsV2;

export class MessageStore {
  readonly #records = new Map<string, MessageRecord>();

  constructor(
    private readonly state: DiscordState,
    private readonly ids: SnowflakeGenerator,
    /** Signs the attachment URLs it hands out. */
    readonly cdn: AttachmentCdn,
  ) {}

  create(params: CreateMessageParams): MessageRecord {
    const { body, channel } = params;
    checkFileSizes(params.files);
    const errors = new FormErrors();
    checkBody(body, errors, params.files.length);
    errors.throwIfAny();
    const flagsIn = typeof body.flags === 'number' ? body.flags : 0;
    const allowed = SETTABLE_FLAGS | (params.allowEphemeral ? MessageFlags.Ephemeral : 0);
    const flags = (flagsIn & allowed) | (params.systemFlags ?? 0);
    const loading = ((params.systemFlags ?? 0) & MessageFlags.Loading) !== 0;
    if (!loading && isEmpty(body, params.files.length)) throw apiErrors.emptyMessage();

    const id = this.ids.next();
    const files = new Map<string, UploadedFile>();
    const attachments = this.#attachments(channel.id, body.attachments, params.files, files, []);
    const content = typeof body.content === 'string' ? body.content : '';
    const mentions = mentionsIn(this.state, content, body.allowed_mentions);
    const reference = this.#reference(channel, body.message_reference);
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : undefined;

    const message: APIMessage = {
      id,
      channel_id: channel.id,
      author: params.shownAuthor ?? this.state.apiUser(params.author),
      content,
      timestamp: discordTimestamp(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: mentions.everyone,
      mentions: mentions.users,
      mention_roles: mentions.roles,
      attachments,
      embeds: Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [],
      pinned: false,
      type: reference ? MessageType.Reply : (params.type ?? MessageType.Default),
      flags,
      components: Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [],
      ...(nonce === undefined ? {} : { nonce }),
      ...(params.webhookId === undefined ? {} : { webhook_id: params.webhookId }),
      ...(params.applicationId === undefined ? {} : { application_id: params.applicationId }),
      ...(params.interactionMetadata ? { interaction_metadata: params.interactionMetadata } : {}),
      ...(params.interaction ? { interaction: params.interaction } : {}),
      ...(reference ?? {}),
    };
    const record: MessageRecord = {
      message,
      channelId: channel.id,
      authorId: params.author.id,
      ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
      deleted: false,
      createdAt: Date.now(),
      enforcedNonce: body.enforce_nonce === true && nonce !== undefined ? String(nonce) : undefined,
      interactionId: params.interactionMetadata?.id,
      files,
      edits: [],
    };
    this.#records.set(id, record);
    if (!record.ephemeral) channel.lastMessageId = id;
    return record;
  }

  /** Applies a PATCH body (message or webhook message edit). */
  edit(record: MessageRecord, body: Record<string, unknown>, files: readonly UploadedFile[]): MessageRecord {
    checkFileSizes(files);
    const errors = new FormErrors();
    checkBody(body, errors, files.length);
    errors.throwIfAny();
    const current = record.message;
    const next: APIMessage = { ...current, edited_timestamp: discordTimestamp() };
    if ('content' in body) {
      next.content = typeof body.content === 'string' ? body.content : '';
      const mentions = mentionsIn(this.state, next.content, body.allowed_mentions);
      next.mentions = mentions.users;
      next.mention_roles = mentions.roles;
      next.mention_everyone = mentions.everyone;
    }
    if ('embeds' in body) next.embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
    if ('components' in body) {
      next.components = Array.isArray(body.components)
        ? (body.components as APIMessageTopLevelComponent[])
        : [];
    }
    if ('attachments' in body || files.length > 0) {
      next.attachments = this.#attachments(
        record.channelId,
        body.attachments,
        files,
        record.files,
        current.attachments,
      );
    }
    // An edit can only toggle the settable flags; EPHEMERAL is fixed and LOADING ends.
    const fixed = (current.flags ?? 0) & MessageFlags.Ephemeral;
    const requested = typeof body.flags === 'number' ? body.flags & SETTABLE_FLAGS : undefined;
    next.flags = fixed | (requested ?? (current.flags ?? 0) & SETTABLE_FLAGS);
    const emptyAfter =
      next.content === '' &&
      next.embeds.length === 0 &&
      (next.components?.length ?? 0) === 0 &&
      next.attachments.length === 0 &&
      next.poll === undefined &&
      (next.sticker_items?.length ?? 0) === 0;
    if (emptyAfter) throw apiErrors.emptyMessage();
    record.message = next;
    record.edits.push(body);
    return record;
  }

  /**
   * Stores a message a test made up (e.g. the message a clicked button sits on when the
   * bot did not post it here), so component responses can update it.
   */
  adopt(message: APIMessage, authorId: string): MessageRecord {
    const existing = this.#records.get(message.id);
    if (existing) return existing;
    const record: MessageRecord = {
      message,
      channelId: message.channel_id,
      authorId,
      ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
      deleted: false,
      createdAt: Date.now(),
      enforcedNonce: undefined,
      interactionId: undefined,
      files: new Map(),
      edits: [],
    };
    this.#records.set(message.id, record);
    return record;
  }

  /** The message, if it exists and is not deleted. */
  get(messageId: string): MessageRecord | undefined {
    const record = this.#records.get(messageId);
    return record && !record.deleted ? record : undefined;
  }

  /** Including deleted ones. */
  any(messageId: string): MessageRecord | undefined {
    return this.#records.get(messageId);
  }

  list(
    channelId: string | undefined,
    options: { includeEphemeral?: boolean; includeDeleted?: boolean } = {},
  ) {
    return [...this.#records.values()].filter(
      (r) =>
        (channelId === undefined || r.channelId === channelId) &&
        (options.includeEphemeral === true || !r.ephemeral) &&
        (options.includeDeleted === true || !r.deleted),
    );
  }

  /** The message an earlier post with the same nonce created, within the window (`enforce_nonce`). */
  findByNonce(
    channelId: string,
    authorId: string,
    nonce: string,
    windowMs: number,
  ): MessageRecord | undefined {
    const since = Date.now() - windowMs;
    for (const record of this.#records.values()) {
      if (
        record.enforcedNonce === nonce &&
        record.channelId === channelId &&
        record.authorId === authorId &&
        record.createdAt >= since
      ) {
        return record;
      }
    }
    return undefined;
  }

  /** Uploaded bytes of an attachment still on its message, for the attachment URLs. */
  file(attachmentId: string): UploadedFile | undefined {
    for (const record of this.#records.values()) {
      if (record.deleted || !record.message.attachments.some((a) => a.id === attachmentId)) continue;
      const file = record.files.get(attachmentId);
      if (file) return file;
    }
    return undefined;
  }

  #attachments(
    channelId: string,
    declared: unknown,
    uploads: readonly UploadedFile[],
    store: Map<string, UploadedFile>,
    existing: readonly APIAttachment[],
  ): APIAttachment[] {
    const entries = Array.isArray(declared) ? declared.map(asObject) : [];
    // On edit, a given `attachments` list is the full new set: unlisted ones are removed.
    const kept =
      declared === undefined ? existing : existing.filter((a) => entries.some((e) => e?.id === a.id));
    const added = uploads.map((file, index): APIAttachment => {
      // discord.js names parts files[n] and lists { id: n, filename, description } in `attachments`.
      const slot = /\[(\d+)\]/.exec(file.field)?.[1] ?? String(index);
      const entry = entries.find((e) => String(e?.id) === slot);
      const filename = typeof entry?.filename === 'string' ? entry.filename : file.filename;
      const id = this.ids.next();
      store.set(id, file);
      const url = this.cdn.signedUrl(`/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`);
      return {
        id,
        filename,
        size: file.data.length,
        url,
        proxy_url: url,
        content_type: file.contentType,
        ...(typeof entry?.description === 'string' ? { description: entry.description } : {}),
      };
    });
    return [...kept, ...added];
  }

  #reference(
    channel: ChannelRecord,
    value: unknown,
  ): Pick<APIMessage, 'message_reference' | 'referenced_message'> | undefined {
    const ref = asObject(value);
    if (!ref || typeof ref.message_id !== 'string') return undefined;
    const target = this.get(ref.message_id);
    if (!target || target.channelId !== (typeof ref.channel_id === 'string' ? ref.channel_id : channel.id)) {
      if (ref.fail_if_not_exists === false) return undefined;
      const errors = new FormErrors();
      errors.add(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
      errors.throwIfAny();
      return undefined;
    }
    return {
      message_reference: {
        type: MessageReferenceType.Default,
        message_id: target.message.id,
        channel_id: target.channelId,
        ...(channel.guildId === null ? {} : { guild_id: channel.guildId }),
      },
      referenced_message: target.message,
    };
  }
}
