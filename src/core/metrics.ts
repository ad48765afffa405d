/**
 * What the core reports for monitoring: commands answered, deliveries attempted, scheduler
 * ticks. The core only calls this port; src/observability turns the calls into Prometheus
 * metrics. Timing is the implementation's: the core says when something starts and ends.
 */
import type { Platform } from './domain/model.ts';

/** ok: answered as asked; refused: a problem the person can fix (translated); failed: unexpected. */
export type CommandOutcome = 'ok' | 'refused' | 'failed';

/** What one attempt of a delivery came to (released: given back unsent, for pace or a stop). */
/** `lost`: the claim had passed to another worker (a freeze), so this one did not send. */
export type DeliveryAttemptOutcome = 'sent' | 'retried' | 'failed' | 'released' | 'lost';

/**
 * What became of a relayed copy's machine translation: added; not needed (the text already is
 * in the channel's language, or translates to itself); the service failed or did not answer in
 * time (the copy went out with the original only).
 */
export type CopyTranslationOutcome = 'translated' | 'same_language' | 'unchanged' | 'failed' | 'timed_out';

export interface Metrics {
  /** Called as a command starts; the function returned, once it has been answered. */
  commandStarted(): (command: string, outcome: CommandOutcome) => void;
  deliveryAttempted(platform: Platform, outcome: DeliveryAttemptOutcome): void;
  /** Called as a scheduler tick starts; the function returned, once the tick is done. */
  tickStarted(): () => void;
  /** A relayed copy's machine translation, per service ("libretranslate", "deepl"). */
  copyTranslated(service: string, outcome: CopyTranslationOutcome): void;
}

/** The default: nothing is counted. */
export const NO_METRICS: Metrics = {
  commandStarted: () => () => undefined,
  deliveryAttempted: () => undefined,
  tickStarted: () => () => undefined,
  copyTranslated: () => undefined,
};
