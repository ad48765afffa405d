/**
 * A relayed copy with a machine translation below the original (docs/RELAY.md, "Translation"),
 * added as the copy is sent: the outbox keeps the original only, so a restart loses nothing and
 * nothing translated is ever stored. The service failing or slow never holds the conversation:
 * after `timeoutMs` the copy goes out with the original alone.
 */
import { createHash } from 'node:crypto';
import { within, type DeadlineTimer } from '../async/deadline.ts';
import { resolveLanguage, type SupportedLanguage } from '../i18n/languages.ts';
import { translate } from '../i18n/translator.ts';
import { NO_METRICS, type CopyTranslationOutcome, type Metrics } from '../metrics.ts';
import type { ClaimedDelivery, Logger } from '../ports.ts';
import type { MachineTranslated, MachineTranslation } from './machine-translation.ts';
import { RELAY_KINDS, relayableText } from './relayed-post.ts';

export interface CopyTranslationOptions {
  /** Real time for the bound and the cache (tests drive it). */
  timer: DeadlineTimer & { now(): number };
  /** How long a copy waits for its translation. Default: 5 s. */
  timeoutMs?: number;
  /** Translations remembered, for the other channels of one language. Default: 100, for 60 s. */
  cacheSize?: number;
  cacheMs?: number;
  metrics?: Metrics;
}

interface Remembered {
  at: number;
  /** undefined: failed or timed out (waiters share it; it is forgotten at once). */
  answer: Promise<MachineTranslated | undefined>;
}

const TRANSLATED_KINDS: readonly string[] = [RELAY_KINDS.message, RELAY_KINDS.edit];

export class CopyTranslation {
  private readonly remembered = new Map<string, Remembered>();
  private readonly timeoutMs: number;
  private readonly cacheSize: number;
  private readonly cacheMs: number;
  private readonly metrics: Metrics;

  constructor(
    private readonly service: MachineTranslation,
    private readonly logger: Logger,
    private readonly options: CopyTranslationOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.cacheSize = options.cacheSize ?? 100;
    this.cacheMs = options.cacheMs ?? 60_000;
    this.metrics = options.metrics ?? NO_METRICS;
  }

  /** The delivery as it is posted: a relayed copy gets its translation below, when one helps. */
  async prepare(delivery: ClaimedDelivery): Promise<ClaimedDelivery> {
    const { destination, payload } = delivery;
    if (!TRANSLATED_KINDS.includes(delivery.kind) || destination.kind !== 'channel') return delivery;
    if (destination.targetMissing || payload.text.trim() === '') return delivery;
    const language = destination.language;
    const translated = await this.translation(payload.text, language, delivery.id);
    if (!translated) return delivery;
    if (sameLanguage(translated.sourceLanguage, language)) return this.counted(delivery, 'same_language');
    if (translated.text.trim() === '' || translated.text.trim() === payload.text.trim())
      return this.counted(delivery, 'unchanged');
    this.metrics.copyTranslated(this.service.service, 'translated');
    const label = translationLabel(resolveLanguage(language), translated.sourceLanguage);
    return {
      ...delivery,
      payload: { ...payload, text: relayableText(`${payload.text}\n\n${label}\n${translated.text}`) },
    };
  }

  private counted(delivery: ClaimedDelivery, outcome: CopyTranslationOutcome): ClaimedDelivery {
    this.metrics.copyTranslated(this.service.service, outcome);
    return delivery;
  }

  /** One request per text and language while remembered: copies to several channels share it. */
  private translation(
    text: string,
    language: string,
    deliveryId: string,
  ): Promise<MachineTranslated | undefined> {
    const now = this.options.timer.now();
    const key = `${createHash('sha256').update(text).digest('hex')}:${language.toLowerCase()}`;
    const known = this.remembered.get(key);
    if (known && now - known.at < this.cacheMs) return known.answer;
    this.remembered.delete(key);
    const answer = this.request(text, language, deliveryId);
    this.remember(key, { at: now, answer });
    void answer.then((result) => {
      if (!result && this.remembered.get(key)?.answer === answer) this.remembered.delete(key);
    });
    return answer;
  }

  private remember(key: string, entry: Remembered): void {
    this.remembered.set(key, entry);
    while (this.remembered.size > this.cacheSize) {
      const oldest = this.remembered.keys().next();
      if (oldest.done) break;
      this.remembered.delete(oldest.value);
    }
  }

  /** Bounded; a failure or timeout is logged (never the text) and counted, and ends as undefined. */
  private async request(
    text: string,
    language: string,
    deliveryId: string,
  ): Promise<MachineTranslated | undefined> {
    const abort = new AbortController();
    try {
      const answer = await within(
        this.service.translate(text, language, abort.signal),
        this.timeoutMs,
        this.options.timer,
      );
      if (answer) return answer;
      abort.abort();
      this.failed(deliveryId, language, 'timed_out', `no answer within ${this.timeoutMs} ms`);
    } catch (error) {
      this.failed(deliveryId, language, 'failed', error instanceof Error ? error.message : String(error));
    }
    return undefined;
  }

  private failed(
    deliveryId: string,
    language: string,
    outcome: CopyTranslationOutcome,
    reason: string,
  ): void {
    this.metrics.copyTranslated(this.service.service, outcome);
    this.logger.warn(
      { service: this.service.service, delivery: deliveryId, language, reason },
      'machine translation failed; the copy goes out with the original only',
    );
  }
}

const primaryOf = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/** "DE" and "de-AT" are German: a German channel gets no translation of them. */
function sameLanguage(source: string | null, channel: string): boolean {
  return source !== null && primaryOf(source) === primaryOf(channel);
}

/** The marked line above the translation, in the channel's language: "🌐 Strojový překlad z němčiny:". */
export function translationLabel(reader: SupportedLanguage, source: string | null): string {
  const code = source ? primaryOf(source) : '';
  if (!code || code === 'auto') return translate(reader, 'relay.translation-unknown-source');
  const sourceName = displayName(reader, code);
  return translate(reader, 'relay.translation-from', { source: code, sourceName });
}

function displayName(reader: string, code: string): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
