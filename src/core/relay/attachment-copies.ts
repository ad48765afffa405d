/**
 * A relayed copy's files, decided as it is sent (docs/RELAY.md, "Attachments"): each file within
 * the destination's limits is read through its origin platform's source and uploaded with the
 * copy; a file over them, removed at its origin, or whose platform does not answer in time is
 * linked below the text with a note in the channel's language. Nothing read is stored: every
 * attempt reads again, so a retry or another worker loses nothing.
 */
import type { DeadlineTimer } from '../async/deadline.ts';
import { resolveLanguage, type SupportedLanguage } from '../i18n/languages.ts';
import { translate } from '../i18n/translator.ts';
import type { ClaimedDelivery, Logger } from '../ports.ts';
import type { AttachmentSource, FileUpload, NotDownloaded, UploadLimits } from './attachment-files.ts';
import type { RelayAttachment } from './relay-ports.ts';
import { RELAY_KINDS } from './relayed-post.ts';

export interface AttachmentCopiesOptions {
  timer: DeadlineTimer;
  /** How long one file may take to read before it is linked instead. Default: 20 s. */
  downloadTimeoutMs?: number;
}

export class AttachmentCopies {
  private readonly sources: ReadonlyMap<string, AttachmentSource>;
  private readonly downloadTimeoutMs: number;

  constructor(
    sources: readonly AttachmentSource[],
    private readonly logger: Logger,
    private readonly options: AttachmentCopiesOptions,
  ) {
    this.sources = new Map(sources.map((source) => [source.platform, source]));
    this.downloadTimeoutMs = options.downloadTimeoutMs ?? 20_000;
  }

  /**
   * The delivery as its poster sends it: a relayed message's files to upload in `uploads`, the
   * others left in `attachments` with a note. A destination without `limits` (the console)
   * gets them all as they are. An edit uploads nothing (the copy keeps the files it was posted
   * with): only the files too large to have been copied keep their link.
   */
  async prepare(delivery: ClaimedDelivery, limits: UploadLimits | undefined): Promise<ClaimedDelivery> {
    const { payload, destination } = delivery;
    const files = payload.attachments ?? [];
    if (files.length === 0 || !limits || destination.kind !== 'channel' || destination.targetMissing)
      return delivery;
    const reader = resolveLanguage(destination.language);
    if (delivery.kind === RELAY_KINDS.edit) {
      const linked = files
        .filter((file) => !file.origin || file.bytes > limits.fileBytes)
        .map((file) => (file.origin ? noted(file, 'too-large', reader) : file));
      return withFiles(delivery, linked, []);
    }
    if (delivery.kind !== RELAY_KINDS.message) return delivery;
    const linked: RelayAttachment[] = [];
    const uploads: FileUpload[] = [];
    let room = limits.copyBytes;
    for (const file of files) {
      if (!file.origin) {
        linked.push(file);
        continue;
      }
      if (uploads.length >= limits.files || file.bytes > Math.min(limits.fileBytes, room)) {
        linked.push(noted(file, 'too-large', reader));
        continue;
      }
      // The size the message gave may be stale: the read itself stops at the limit.
      const read = await this.download(file, Math.min(limits.fileBytes, room), delivery.id);
      if (!read.ok) {
        linked.push(noted(file, read.why, reader));
        continue;
      }
      const contentType = read.contentType ?? file.contentType;
      uploads.push({ name: file.name, data: read.data, ...(contentType ? { contentType } : {}) });
      room -= read.data.length;
    }
    return withFiles(delivery, linked, uploads);
  }

  private async download(file: RelayAttachment, maxBytes: number, deliveryId: string) {
    const origin = file.origin;
    const source = origin && this.sources.get(origin.platform);
    if (!origin || !source) return { ok: false as const, why: 'unreachable' as const };
    const abort = new AbortController();
    const timer = this.options.timer;
    const handle = timer.setTimeout(() => abort.abort(), this.downloadTimeoutMs);
    try {
      const read = await source.download(origin, maxBytes, abort.signal);
      if (!read.ok) {
        // The platform and why, never the file's name or link.
        this.logger.info(
          { delivery: deliveryId, origin: origin.platform, why: read.why },
          'a relayed file is linked instead of copied',
        );
      }
      return read;
    } finally {
      timer.clearTimeout(handle);
    }
  }
}

function withFiles(
  delivery: ClaimedDelivery,
  linked: RelayAttachment[],
  uploads: FileUpload[],
): ClaimedDelivery {
  const { attachments: _files, uploads: _uploads, ...payload } = delivery.payload;
  return {
    ...delivery,
    payload: {
      ...payload,
      ...(linked.length > 0 ? { attachments: linked } : {}),
      ...(uploads.length > 0 ? { uploads } : {}),
    },
  };
}

/** The file with a note saying why it is linked: "file too large to copy: plan.pdf (12.6 MB)". */
function noted(file: RelayAttachment, why: NotDownloaded, reader: SupportedLanguage): RelayAttachment {
  const note =
    why === 'too-large'
      ? translate(reader, 'relay.file-too-large', { name: file.name, size: fileSize(file.bytes, reader) })
      : translate(reader, 'relay.file-unavailable', { name: file.name });
  return { ...file, note };
}

/** A size as the reader writes it, in decimal units: "12.6 MB", "12,6 MB", "12,6 Mo", "800 kB". */
export function fileSize(bytes: number, language: SupportedLanguage): string {
  const [unit, size] =
    bytes >= 1_000_000 ? ['megabyte', 1_000_000] : bytes >= 1_000 ? ['kilobyte', 1_000] : ['byte', 1];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(
    bytes / size,
  );
}
