/**
 * What a claimed delivery becomes just before each attempt: a relayed copy gets its machine
 * translation and its files, read again from their origin. Done at every attempt and never
 * stored: the outbox keeps the original only, so a retry, a restart or another worker loses
 * nothing (docs/RELAY.md, "Translation" and "Attachments").
 */
import type { MachineTranslation } from '../relay/machine-translation.ts';
import type { Metrics } from '../metrics.ts';
import type { ChannelPoster, ClaimedDelivery, Logger } from '../ports.ts';
import { AttachmentCopies } from '../relay/attachment-copies.ts';
import type { AttachmentSource, UploadLimits } from '../relay/attachment-files.ts';
import { CopyTranslation } from '../relay/copy-translation.ts';
import type { PacingTimer } from './send-gate.ts';

export interface CopyPreparationOptions {
  machineTranslation: MachineTranslation | undefined;
  attachmentSources: readonly AttachmentSource[];
  translationTimeoutMs: number;
  metrics: Metrics;
  timer: PacingTimer;
}

export class CopyPreparation {
  private readonly translation: CopyTranslation | undefined;
  private readonly attachments: AttachmentCopies;
  /** Each platform's poster, asked what a copy may upload. */
  private readonly posters: ReadonlyMap<string, ChannelPoster>;

  constructor(posters: readonly ChannelPoster[], logger: Logger, options: CopyPreparationOptions) {
    const { machineTranslation, timer } = options;
    this.posters = new Map(posters.map((poster) => [poster.platform, poster]));
    this.attachments = new AttachmentCopies(options.attachmentSources, logger, { timer });
    this.translation =
      machineTranslation &&
      new CopyTranslation(machineTranslation, logger, {
        timer,
        timeoutMs: options.translationTimeoutMs,
        metrics: options.metrics,
      });
  }

  async prepare(delivery: ClaimedDelivery): Promise<ClaimedDelivery> {
    const translated = this.translation ? await this.translation.prepare(delivery) : delivery;
    return this.attachments.prepare(translated, await this.uploadLimitsOf(delivery));
  }

  /** What a relayed copy with files may upload where it goes; undefined: its files stay links. */
  private async uploadLimitsOf(delivery: ClaimedDelivery): Promise<UploadLimits | undefined> {
    const { destination, payload } = delivery;
    if (destination.kind !== 'channel' || !payload.attachments?.length) return undefined;
    return this.posters.get(destination.target.platform)?.uploadLimits?.(destination.target);
  }
}
