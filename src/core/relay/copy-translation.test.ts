import { describe, expect, it } from 'vitest';
import { ManualTimer, settle } from '../../../test/support/manual-timer.ts';
import { recordingLogger } from '../../../test/support/recording-logger.ts';
import { translate } from '../i18n/translator.ts';
import { NO_METRICS, type CopyTranslationOutcome, type Metrics } from '../metrics.ts';
import type { ClaimedDelivery } from '../ports.ts';
import { CopyTranslation, translationLabel } from './copy-translation.ts';
import {
  MachineTranslationError,
  type MachineTranslated,
  type MachineTranslation,
} from './machine-translation.ts';

/** A service that answers as the test says, recording what it was asked. */
class ScriptedService implements MachineTranslation {
  readonly service = 'scripted';
  readonly asked: { text: string; target: string; signal: AbortSignal }[] = [];
  constructor(
    public answer: (text: string, target: string) => Promise<MachineTranslated> = (text, target) =>
      Promise.resolve({ text: `[${target}] ${text}`, sourceLanguage: 'de' }),
  ) {}
  translate(text: string, target: string, signal: AbortSignal): Promise<MachineTranslated> {
    this.asked.push({ text, target, signal });
    return this.answer(text, target);
  }
}

function copy(
  language: string,
  text = 'Hallo zusammen!',
  extra: { kind?: string; id?: string; targetMissing?: true } = {},
): ClaimedDelivery {
  return {
    id: extra.id ?? `d-${language}`,
    kind: extra.kind ?? 'relay.message',
    sourceId: 'r1',
    attempts: 1,
    takeovers: 0,
    firstFailedAt: null,
    unansweredBefore: false,
    payload: { text, author: { name: 'Max', town: 'Passau' } },
    dueAt: new Date('2026-11-23T10:00:00Z'),
    destination: {
      kind: 'channel',
      channelLinkId: `link-${language}`,
      townId: 't',
      partnershipId: 'p',
      language,
      target: {
        platform: 'CONSOLE',
        communityExternalId: 'krumlov',
        channelId: 'partneri',
        channelName: 'partneri',
      },
      ...(extra.targetMissing ? { targetMissing: true as const } : {}),
    },
  };
}

function countingMetrics(): Metrics & { outcomes: CopyTranslationOutcome[] } {
  const outcomes: CopyTranslationOutcome[] = [];
  return { ...NO_METRICS, outcomes, copyTranslated: (_service, outcome) => outcomes.push(outcome) };
}

function setUp(service = new ScriptedService()) {
  const timer = new ManualTimer();
  const logger = recordingLogger();
  const metrics = countingMetrics();
  const translation = new CopyTranslation(service, logger, { timer, timeoutMs: 5_000, metrics });
  return { service, timer, logger, metrics, translation };
}

const CZECH_LABEL = '🌐 Strojový překlad z němčiny:';

describe('a relayed copy with its machine translation', () => {
  it('carries the original, then the marked translation into the channel’s language', async () => {
    const { translation, service, metrics } = setUp();
    const sent = await translation.prepare(copy('cs'));
    expect(sent.payload.text).toBe(`Hallo zusammen!\n\n${CZECH_LABEL}\n[cs] Hallo zusammen!`);
    expect(sent.payload.author).toEqual({ name: 'Max', town: 'Passau' });
    expect(service.asked.map((a) => a.target)).toEqual(['cs']);
    expect(metrics.outcomes).toEqual(['translated']);
  });

  it('labels in the channel’s language, naming the source language as a native speaker would', () => {
    expect(translationLabel('cs', 'de')).toBe(CZECH_LABEL);
    expect(translationLabel('cs', 'SK')).toBe('🌐 Strojový překlad ze slovenštiny:');
    expect(translationLabel('de', 'cs')).toBe('🌐 Maschinelle Übersetzung aus dem Tschechischen:');
    expect(translationLabel('en', 'DE')).toBe('🌐 Machine translation from German:');
    expect(translationLabel('cs', 'ja')).toBe('🌐 Strojový překlad (původní jazyk: japonština):');
    expect(translationLabel('de', 'ja')).toBe('🌐 Maschinelle Übersetzung (Originalsprache: Japanisch):');
    expect(translationLabel('de', null)).toBe(translate('de', 'relay.translation-unknown-source'));
  });

  it('translates edits of copies too, but not removals, other posts or copies never posted', async () => {
    const { translation, service } = setUp();
    expect((await translation.prepare(copy('cs', 'Morgen!', { kind: 'relay.edit' }))).payload.text).toContain(
      '[cs] Morgen!',
    );
    for (const other of [
      copy('cs', '', { kind: 'relay.delete' }),
      copy('cs', 'Stadtfest', { kind: 'announcement' }),
      copy('cs', 'Hallo', { kind: 'relay.edit', targetMissing: true }),
    ]) {
      expect(await translation.prepare(other)).toBe(other);
    }
    expect(service.asked).toHaveLength(1);
  });

  it('is left out when the text already is in the channel’s language, or is empty', async () => {
    const { translation, service, metrics } = setUp();
    const german = copy('de-AT');
    expect(await translation.prepare(german)).toBe(german);
    expect(metrics.outcomes).toEqual(['same_language']);
    const blank = copy('cs', '  \n');
    expect(await translation.prepare(blank)).toBe(blank);
    expect(service.asked).toHaveLength(1);
  });

  it('is left out when the translation is the text itself (a link, an emoji)', async () => {
    const { translation, metrics } = setUp(
      new ScriptedService((text) => Promise.resolve({ text, sourceLanguage: 'en' })),
    );
    const thumbs = copy('cs', '👍');
    expect(await translation.prepare(thumbs)).toBe(thumbs);
    expect(metrics.outcomes).toEqual(['unchanged']);
  });

  it('is asked once per text and language: channels of one language share it', async () => {
    const { translation, service } = setUp();
    const sent = await Promise.all([
      translation.prepare(copy('cs', 'Hallo', { id: 'a' })),
      translation.prepare(copy('cs', 'Hallo', { id: 'b' })),
      translation.prepare(copy('en', 'Hallo', { id: 'c' })),
    ]);
    await translation.prepare(copy('cs', 'Hallo', { id: 'd' }));
    expect(service.asked.map((a) => `${a.target}:${a.text}`)).toEqual(['cs:Hallo', 'en:Hallo']);
    expect(sent.map((d) => d.payload.text.split('\n').at(-1))).toEqual([
      '[cs] Hallo',
      '[cs] Hallo',
      '[en] Hallo',
    ]);
  });

  it('forgets a translation after a minute, and keeps only the last hundred', async () => {
    const { translation, service, timer } = setUp();
    await translation.prepare(copy('cs', 'Hallo'));
    await timer.advance(60_000);
    await translation.prepare(copy('cs', 'Hallo'));
    expect(service.asked).toHaveLength(2);
    for (let i = 0; i < 100; i++) await translation.prepare(copy('cs', `Text ${i}`));
    await translation.prepare(copy('cs', 'Hallo'));
    expect(service.asked).toHaveLength(103);
  });

  it('goes out with the original only when the service fails, logged without the text, and asks again next time', async () => {
    const { translation, service, logger, metrics } = setUp(
      new ScriptedService(() =>
        Promise.reject(new MachineTranslationError('scripted answered 503: the service failed')),
      ),
    );
    const original = copy('cs', 'Geheimes Treffen');
    expect(await translation.prepare(original)).toBe(original);
    expect(metrics.outcomes).toEqual(['failed']);
    const warning = logger.entries.find((e) => e.level === 'warn');
    expect(warning?.details).toMatchObject({ service: 'scripted', delivery: 'd-cs', language: 'cs' });
    expect(String(warning?.details.reason)).toContain('503');
    expect(JSON.stringify(logger.entries)).not.toContain('Geheimes');
    service.answer = (text, target) => Promise.resolve({ text: `[${target}] ${text}`, sourceLanguage: 'de' });
    expect((await translation.prepare(original)).payload.text).toContain('[cs] Geheimes Treffen');
  });

  it('does not wait longer than its bound for a service that hangs, and abandons the request', async () => {
    const { translation, service, timer, metrics, logger } = setUp(
      new ScriptedService(() => new Promise<never>(() => undefined)),
    );
    let sent: ClaimedDelivery | undefined;
    void translation.prepare(copy('cs')).then((d) => (sent = d));
    await timer.advance(4_999);
    expect(sent).toBeUndefined();
    await timer.advance(1);
    await settle();
    expect(sent?.payload.text).toBe('Hallo zusammen!');
    expect(service.asked[0]?.signal.aborted).toBe(true);
    expect(metrics.outcomes).toEqual(['timed_out']);
    expect(logger.entries.some((e) => e.level === 'warn' && /5000 ms/.test(String(e.details.reason)))).toBe(
      true,
    );
  });

  it('keeps the copy within the relay’s bound on text', async () => {
    const { translation } = setUp();
    const long = 'Hallo '.repeat(5_000);
    expect((await translation.prepare(copy('cs', long))).payload.text.length).toBe(40_000);
  });
});
