/**
 * Files of relayed messages (docs/RELAY.md, "Attachments"). The outbox keeps what reaches a file
 * again (origin platform, message and file ids, name, size, type), never its bytes. When a copy
 * is sent, the file is read through the ORIGIN platform's source — a Slack file needs that
 * workspace's token, a Discord CDN link expires and is renewed by fetching its message — and
 * handed to the destination's poster to upload within that platform's limits.
 */
import type { Platform } from '../domain/model.ts';

/** Where a file lives on the platform it was shared on. */
export interface AttachmentOrigin {
  platform: Platform;
  /** The Discord guild or Slack team (whose token reads it). */
  communityExternalId: string;
  /** The channel whose message holds it (on Discord a thread's own id when it is in one). */
  channelId: string;
  messageId: string;
  /** Discord attachment id, Slack file id. */
  fileId: string;
  /** Where the platform served it when the message arrived (Discord: a signed URL that expires). */
  downloadUrl?: string;
}

/** Why a file was not read: bigger than allowed, removed at its origin, or its platform did not answer. */
export type NotDownloaded = 'too-large' | 'gone' | 'unreachable';

export type FileDownload =
  { ok: true; data: Uint8Array; contentType?: string } | { ok: false; why: NotDownloaded };

/** Reads files shared on one platform. Implemented by that platform's adapter. */
export interface AttachmentSource {
  readonly platform: Platform;
  /**
   * The file's bytes, at most `maxBytes` (a longer file is 'too-large', read no further). Never
   * rejects; `signal` aborting ends it as 'unreachable'.
   */
  download(origin: AttachmentOrigin, maxBytes: number, signal: AbortSignal): Promise<FileDownload>;
}

/** What a destination platform takes with one post, and what the bot holds in memory for it. */
export interface UploadLimits {
  /** The platform's limit per file. */
  fileBytes: number;
  /** All files of one copy together (the bot's memory bound: they are held while uploaded). */
  copyBytes: number;
  /** Files per copy. */
  files: number;
}

/** A file to upload with a copy, read from its origin for this attempt. */
export interface FileUpload {
  name: string;
  contentType?: string;
  data: Uint8Array;
}
