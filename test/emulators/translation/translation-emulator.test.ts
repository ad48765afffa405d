/**
 * The translation emulator against the services' documented APIs, by plain HTTP: what the
 * clients (src/translation/) are tested against must answer as LibreTranslate and DeepL do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranslationEmulator } from './translation-emulator.ts';

let emulator: TranslationEmulator;

beforeEach(async () => {
  emulator = await new TranslationEmulator({ libretranslate: ['lt-key'], deepl: ['deepl-key:fx'] }).start();
});
afterEach(() => emulator.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

describe('LibreTranslate, POST /translate', () => {
  it('translates with the source detected, as JSON or as a form', async () => {
    const answer = await post('/translate', {
      q: 'Hallo zusammen',
      source: 'auto',
      target: 'cs',
      format: 'text',
      api_key: 'lt-key',
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      translatedText: '[cs] Hallo zusammen',
      detectedLanguage: { confidence: 90, language: 'de' },
    });
    const form = await fetch(`${emulator.url}/translate`, {
      method: 'POST',
      body: new URLSearchParams({ q: 'Dobrý den', source: 'auto', target: 'de', api_key: 'lt-key' }),
    });
    expect(await form.json()).toMatchObject({
      translatedText: '[de] Dobrý den',
      detectedLanguage: { language: 'cs' },
    });
  });

  it('gives the text back unchanged in its own language, and no detection for a given source', async () => {
    const same = await post('/translate', {
      q: 'Dobrý den',
      source: 'auto',
      target: 'cs',
      api_key: 'lt-key',
    });
    expect(await same.json()).toMatchObject({
      translatedText: 'Dobrý den',
      detectedLanguage: { language: 'cs' },
    });
    const given = await post('/translate', { q: 'Hello', source: 'en', target: 'de', api_key: 'lt-key' });
    expect(await given.json()).toEqual({ translatedText: '[de] Hello' });
  });

  it('refuses a wrong key (403), a missing text (400), and answers faults', async () => {
    expect(
      (await post('/translate', { q: 'Hi', source: 'auto', target: 'de', api_key: 'wrong' })).status,
    ).toBe(403);
    expect(
      await (await post('/translate', { source: 'auto', target: 'de', api_key: 'lt-key' })).json(),
    ).toEqual({
      error: 'Invalid request: missing q parameter',
    });
    emulator.fail('server-error');
    expect(
      (await post('/translate', { q: 'Hi', source: 'auto', target: 'de', api_key: 'lt-key' })).status,
    ).toBe(500);
    emulator.fail('quota');
    expect(
      (await post('/translate', { q: 'Hi', source: 'auto', target: 'de', api_key: 'lt-key' })).status,
    ).toBe(429);
    expect(
      (await post('/translate', { q: 'Hi', source: 'auto', target: 'de', api_key: 'lt-key' })).status,
    ).toBe(200);
  });

  it('takes any request when it has no keys', async () => {
    const open = await new TranslationEmulator({ deepl: [] }).start();
    try {
      const answer = await fetch(`${open.url}/translate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ q: 'Hi', source: 'auto', target: 'de' }),
      });
      expect(answer.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('DeepL, POST /v2/translate', () => {
  const auth = { Authorization: 'DeepL-Auth-Key deepl-key:fx' };

  it('translates a list of texts with the source detected, upper case', async () => {
    const answer = await post(
      '/v2/translate',
      { text: ['Hallo zusammen', 'Dobrý den'], target_lang: 'CS' },
      auth,
    );
    expect(await answer.json()).toEqual({
      translations: [
        { detected_source_language: 'DE', text: '[cs] Hallo zusammen' },
        { detected_source_language: 'CS', text: 'Dobrý den' },
      ],
    });
    expect(emulator.requests.at(-1)).toEqual({
      service: 'deepl',
      text: 'Hallo zusammen\nDobrý den',
      target: 'CS',
    });
  });

  it('needs the key in the Authorization header (403), and a target it knows (400)', async () => {
    expect((await post('/v2/translate', { text: ['Hi'], target_lang: 'DE' })).status).toBe(403);
    expect(
      (
        await post(
          '/v2/translate',
          { text: ['Hi'], target_lang: 'DE' },
          { Authorization: 'DeepL-Auth-Key nope' },
        )
      ).status,
    ).toBe(403);
    expect((await post('/v2/translate', { text: ['Hi'], target_lang: 'de' }, auth)).status).toBe(400);
    expect((await post('/v2/translate', { text: ['Hallo'], target_lang: 'EN' }, auth)).status).toBe(400);
    expect((await post('/v2/translate', { text: ['Hallo'], target_lang: 'EN-GB' }, auth)).status).toBe(200);
  });

  it('answers 456 when the quota is used up, 503 when it fails, and holds a hung request', async () => {
    emulator.fail('quota');
    expect(await (await post('/v2/translate', { text: ['Hi'], target_lang: 'DE' }, auth)).json()).toEqual({
      message: 'Quota Exceeded',
    });
    emulator.fail('server-error');
    expect((await post('/v2/translate', { text: ['Hi'], target_lang: 'DE' }, auth)).status).toBe(503);
    emulator.fail('bad-key');
    expect((await post('/v2/translate', { text: ['Hi'], target_lang: 'DE' }, auth)).status).toBe(403);
    emulator.fail('hang');
    const abort = new AbortController();
    const hung = post('/v2/translate', { text: ['Hi'], target_lang: 'DE' }, auth, abort.signal);
    await emulator.received(4);
    abort.abort();
    await expect(hung).rejects.toThrow();
  });
});
