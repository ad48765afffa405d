/**
 * Both clients of the MachineTranslation port against the emulator of the services' documented
 * APIs: what they send, what they take from the answer, and that each failure rejects with a
 * reason that names the status and never the text or the key.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MachineTranslationError } from '../../src/core/relay/machine-translation.ts';
import { DeepLClient, deeplTargetLanguage, deeplUrlFor } from '../../src/translation/deepl.ts';
import { LibreTranslateClient } from '../../src/translation/libretranslate.ts';
import { TranslationEmulator } from '../emulators/translation/translation-emulator.ts';

const LT_KEY = 'libre-key-0123456789';
const DEEPL_KEY = '279a2e9d-83b3-c416-7e2d-f721593e42a0:fx';
const SECRET_TEXT = 'Geheimes Treffen morgen';

let emulator: TranslationEmulator;
const never = () => new AbortController().signal;

beforeEach(async () => {
  emulator = await new TranslationEmulator({ libretranslate: [LT_KEY], deepl: [DEEPL_KEY] }).start();
});
afterEach(() => emulator.close());

/** The rejection's reason, held to the rules for a logged reason. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MachineTranslationError);
  const reason = (error as Error).message;
  for (const secret of [LT_KEY, DEEPL_KEY, SECRET_TEXT]) expect(reason).not.toContain(secret);
  return reason;
}

describe('LibreTranslateClient', () => {
  const client = () => new LibreTranslateClient({ url: emulator.url, apiKey: LT_KEY });

  it('translates with source "auto" and returns the detected language', async () => {
    expect(await client().translate('Hallo zusammen', 'cs', never())).toEqual({
      text: '[cs] Hallo zusammen',
      sourceLanguage: 'de',
    });
    expect(emulator.requests).toEqual([{ service: 'libretranslate', text: 'Hallo zusammen', target: 'cs' }]);
  });

  it('asks for the primary language of a regional tag, at a base URL with a path', async () => {
    const behindPath = new LibreTranslateClient({ url: `${emulator.url}/`, apiKey: LT_KEY });
    expect((await behindPath.translate('Dobrý den', 'de-AT', never())).text).toBe('[de] Dobrý den');
  });

  it('rejects a wrong key, a failing and a limiting service with what they answered', async () => {
    const wrongKey = new LibreTranslateClient({ url: emulator.url, apiKey: 'another-key-123' });
    expect(await failure(wrongKey.translate(SECRET_TEXT, 'cs', never()))).toBe(
      'LibreTranslate answered 403: the API key was refused, or this client is banned',
    );
    emulator.fail('server-error');
    expect(await failure(client().translate(SECRET_TEXT, 'cs', never()))).toBe(
      'LibreTranslate answered 500: the service failed',
    );
    emulator.fail('quota');
    expect(await failure(client().translate(SECRET_TEXT, 'cs', never()))).toContain('429: too many requests');
  });

  it('gives up on a hung request when told to', async () => {
    emulator.fail('hang');
    const abort = new AbortController();
    const hung = client().translate(SECRET_TEXT, 'cs', abort.signal);
    await emulator.received(1);
    abort.abort();
    expect(await failure(hung)).toBe('LibreTranslate could not be reached (AbortError)');
  });

  it('says when nothing listens', async () => {
    const url = emulator.url;
    await emulator.close();
    const reason = await failure(new LibreTranslateClient({ url }).translate(SECRET_TEXT, 'cs', never()));
    expect(reason).toMatch(/^LibreTranslate could not be reached \(TypeError: ECONNREFUSED\)$/);
    emulator = await new TranslationEmulator({ deepl: [] }).start();
  });
});

describe('DeepLClient', () => {
  const client = () => new DeepLClient({ apiKey: DEEPL_KEY, url: emulator.url });

  it('translates into the upper-case target and returns the detected language', async () => {
    expect(await client().translate('Hallo zusammen', 'cs', never())).toEqual({
      text: '[cs] Hallo zusammen',
      sourceLanguage: 'DE',
    });
    expect(emulator.requests).toEqual([{ service: 'deepl', text: 'Hallo zusammen', target: 'CS' }]);
  });

  it('asks for English and Portuguese with their variant, as DeepL wants', async () => {
    expect((await client().translate('Hallo', 'en', never())).text).toBe('[en] Hallo');
    expect(emulator.requests.at(-1)?.target).toBe('EN-GB');
    expect(deeplTargetLanguage('en-US')).toBe('EN-US');
    expect(deeplTargetLanguage('pt')).toBe('PT-PT');
    expect(deeplTargetLanguage('pt-BR')).toBe('PT-BR');
    expect(deeplTargetLanguage('de-AT')).toBe('DE');
  });

  it('serves DeepL API Free keys from api-free.deepl.com and the others from api.deepl.com', () => {
    expect(deeplUrlFor(DEEPL_KEY)).toBe('https://api-free.deepl.com');
    expect(deeplUrlFor('279a2e9d-83b3-c416-7e2d-f721593e42a0')).toBe('https://api.deepl.com');
  });

  it('rejects a refused key, a used-up quota and a failing service with what they mean', async () => {
    const wrongKey = new DeepLClient({ apiKey: 'wrong-key-0000:fx', url: emulator.url });
    expect(await failure(wrongKey.translate(SECRET_TEXT, 'cs', never()))).toBe(
      'DeepL answered 403: the API key was refused',
    );
    emulator.fail('quota');
    expect(await failure(client().translate(SECRET_TEXT, 'cs', never()))).toBe(
      'DeepL answered 456: the quota is used up',
    );
    emulator.fail('server-error');
    expect(await failure(client().translate(SECRET_TEXT, 'cs', never()))).toBe(
      'DeepL answered 503: the service failed',
    );
  });

  it('gives up on a hung request when told to', async () => {
    emulator.fail('hang');
    const abort = new AbortController();
    const hung = client().translate(SECRET_TEXT, 'cs', abort.signal);
    await emulator.received(1);
    abort.abort();
    expect(await failure(hung)).toBe('DeepL could not be reached (AbortError)');
  });
});
