/**
 * Files members shared on Discord, read again when their copies are sent elsewhere
 * (docs/RELAY.md, "Attachments"). Attachment URLs are signed and expire (developers/reference.mdx,
 * "Signed Attachment CDN URLs": `ex` is the expiry as a hex Unix time); a URL that expired, or
 * that the CDN no longer serves, is renewed by fetching the message (Get Channel Message gives
 * valid URLs), which needs Read Message History. The message or the file gone: 'gone'.
 */
import { DiscordAPIError, RESTJSONErrorCodes, Routes, type APIMessage, type REST } from 'discord.js';
import type { AttachmentOrigin, AttachmentSource, FileDownload } from '../../core/relay/attachment-files.ts';
import { downloadBounded } from '../shared/bounded-download.ts';

/** A URL this close to its expiry is renewed first: reading it may take a while. */
const EXPIRY_MARGIN_MS = 60_000;

export class DiscordAttachmentSource implements AttachmentSource {
  readonly platform = 'DISCORD' as const;

  constructor(
    private readonly rest: REST,
    private readonly now: () => number = Date.now,
  ) {}

  async download(origin: AttachmentOrigin, maxBytes: number, signal: AbortSignal): Promise<FileDownload> {
    const stored = origin.downloadUrl;
    if (stored && !expiresBy(stored, this.now() + EXPIRY_MARGIN_MS)) {
      const read = await downloadBounded(stored, { signal }, maxBytes);
      // A URL the CDN refuses or no longer serves may only be stale: the message tells.
      if (read.ok || (read.why !== 'gone' && read.why !== 'refused')) return read;
    }
    const fresh = await this.freshUrl(origin, signal);
    if (typeof fresh !== 'string') return fresh;
    const read = await downloadBounded(fresh, { signal }, maxBytes);
    return read.ok || read.why !== 'refused' ? read : { ok: false, why: 'unreachable' };
  }

  /** The attachment's URL as Discord serves it now. */
  private async freshUrl(origin: AttachmentOrigin, signal: AbortSignal): Promise<string | FileDownload> {
    try {
      const message = (await this.rest.get(Routes.channelMessage(origin.channelId, origin.messageId), {
        signal,
      })) as APIMessage;
      const file = message.attachments.find((attachment) => attachment.id === origin.fileId);
      return file ? file.url : { ok: false, why: 'gone' };
    } catch (error) {
      const gone =
        error instanceof DiscordAPIError &&
        (error.code === RESTJSONErrorCodes.UnknownMessage ||
          error.code === RESTJSONErrorCodes.UnknownChannel);
      return { ok: false, why: gone ? 'gone' : 'unreachable' };
    }
  }
}

/** True when a signed URL's `ex` is at or before `at` (ms); an unsigned URL never expires. */
export function expiresBy(url: string, at: number): boolean {
  let ex: string | null;
  try {
    ex = new URL(url).searchParams.get('ex');
  } catch {
    return true;
  }
  if (!ex || !/^[0-9a-f]+$/i.test(ex)) return false;
  return Number.parseInt(ex, 16) * 1000 <= at;
}
