/** What a DeliveryWorker is configured with, and what one drain did. */
import type { Platform } from '../domain/model.ts';
import { NO_METRICS, type Metrics } from '../metrics.ts';
import type { AttachmentSource } from '../relay/attachment-files.ts';
import type { MachineTranslation } from '../relay/machine-translation.ts';
import { realTimer, type PacingTimer } from './send-gate.ts';
import type { SendLimits } from './send-limits.ts';

export interface DeliveryWorkerOptions {
  workerId: string;
  /** Deliveries claimed per round trip; the next batch is claimed when half are done. */
  batchSize?: number;
  /**
   * Deliveries this worker holds at most per channel (or person) at once, so one backlog
   * cannot fill its batches. A few more than a channel's pace sends at once.
   */
  perDestination?: number;
  /**
   * How long a claim lasts unless renewed (default 15 s). The worker renews what it holds every
   * third of it, and confirms each claim right before sending; a worker that dies, or freezes,
   * loses its claims after this, and another worker takes them over.
   */
  leaseMs?: number;
  /**
   * How long retryable failures (5xx, timeouts, 429s, network errors) are retried, counted from
   * a delivery's first failure; after it the delivery fails for good. Default: 24 h, so a
   * platform outage of hours loses nothing.
   */
  retryForMs?: number;
  /**
   * Claims in a row taken over from an expired lease (the worker died or froze while sending)
   * before the delivery is taken for one that kills its worker and fails. Default: 5.
   */
  maxTakeovers?: number;
  /** The first wait after a failure (default 2 s); it doubles with each attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  /**
   * The longest wait between retries (default 10 min): how soon a platform that is back is
   * noticed. A longer retry_after from the platform is still honoured.
   */
  maxBackoffMs?: number;
  /** A post that takes longer counts as a retryable failure. Default: 30 s. */
  sendTimeoutMs?: number;
  /**
   * How long a claimed post may wait for a send slot (its platform's pace) before it is given
   * back unsent, so other destinations and workers get their turn. Default: 30 s.
   */
  slotWaitMs?: number;
  /** Pacing per platform; defaults to PLATFORM_SEND_LIMITS. */
  limits?: Partial<Record<Platform, SendLimits>>;
  /**
   * Share `limits` with the other live workers posting for the same bot: a heartbeat in the
   * database, and each platform's budget divided among the workers serving it (send-shares.ts).
   * Off: this worker uses `limits` alone.
   */
  shareBudget?: boolean;
  /** Real time for pacing and timeouts (the Clock is the time the database records). */
  timer?: PacingTimer;
  /**
   * Retries due within this many ms wake the worker on their own instead of waiting for the
   * next tick. 0 turns that off.
   */
  retryWakeHorizonMs?: number;
  random?: () => number;
  /** Told what each attempt came to, per platform; NO_METRICS when not given. */
  metrics?: Metrics;
  /**
   * Relayed copies get a machine translation into their channel's language, added as they are
   * sent (relay/copy-translation.ts). Unset: originals only.
   */
  machineTranslation?: MachineTranslation;
  /** How long a copy waits for its translation before it goes out without. Default: 5 s. */
  translationTimeoutMs?: number;
  /**
   * Where relayed files are read again as their copies are sent, one per origin platform
   * (relay/attachment-copies.ts). A platform without one: its files are linked.
   */
  attachmentSources?: readonly AttachmentSource[];
}

/** The options every worker has a value for (the others are optional features). */
export type WorkerSettings = Required<
  Omit<DeliveryWorkerOptions, 'limits' | 'machineTranslation' | 'attachmentSources' | 'shareBudget'>
>;

export const DELIVERY_WORKER_DEFAULTS: Omit<WorkerSettings, 'workerId'> = {
  batchSize: 100,
  perDestination: 5,
  leaseMs: 15_000,
  retryForMs: 24 * 60 * 60_000,
  maxTakeovers: 5,
  baseBackoffMs: 2_000,
  maxBackoffMs: 10 * 60_000,
  sendTimeoutMs: 30_000,
  slotWaitMs: 30_000,
  timer: realTimer,
  retryWakeHorizonMs: 60_000,
  random: Math.random,
  metrics: NO_METRICS,
  translationTimeoutMs: 5_000,
};

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** Given back unsent (no send slot within slotWaitMs, or the worker stopped). */
  released: number;
  /** Not sent because the claim was lost first (the lease ran out, or another worker took it over). */
  lost: number;
}
