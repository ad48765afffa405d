/**
 * DeepL behind the MachineTranslation port: POST /v2/translate with `Authorization: DeepL-Auth-Key`,
 * text as a list and target_lang upper case; the answer's translations[0].text and
 * detected_source_language. Keys ending ":fx" are DeepL API Free's, served at api-free.deepl.com.
 *
 * Plain fetch, not deepl-node: one endpoint is used, and the client library's own retries
 * (with backoff) would work against the relay's short bound, where a copy goes out untranslated
 * rather than wait; fetch takes an AbortSignal per request, and no dependency is added.
 */
import { z } from 'zod';
import {
  MachineTranslationError,
  type MachineTranslated,
  type MachineTranslation,
} from '../core/relay/machine-translation.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, postForJson, primaryLanguage } from './translation-request.ts';

export const DEEPL_PRO_URL = 'https://api.deepl.com';
export const DEEPL_FREE_URL = 'https://api-free.deepl.com';

/** Where a key is served: DeepL API Free keys end in ":fx". */
export const deeplUrlFor = (apiKey: string): string =>
  apiKey.endsWith(':fx') ? DEEPL_FREE_URL : DEEPL_PRO_URL;

export interface DeepLOptions {
  apiKey: string;
  /** Default: by the key (deeplUrlFor); an emulator or proxy otherwise. */
  url?: string | undefined;
  timeoutMs?: number;
}

const answerSchema = z.object({
  translations: z
    .array(z.object({ text: z.string(), detected_source_language: z.string().optional() }))
    .min(1),
});

const STATUSES: Record<number, string> = {
  400: 'the request was refused',
  403: 'the API key was refused',
  413: 'the text is too long',
  429: 'too many requests',
  456: 'the quota is used up',
};

/**
 * DeepL's target code: upper case; English and Portuguese need their variant (plain "EN" and
 * "PT" are deprecated), British and European unless the channel's tag names another.
 */
export function deeplTargetLanguage(tag: string): string {
  const [primary = '', region] = tag.split(/[-_]/);
  const language = primary.toUpperCase();
  if (language === 'EN') return region?.toUpperCase() === 'US' ? 'EN-US' : 'EN-GB';
  if (language === 'PT') return region?.toUpperCase() === 'BR' ? 'PT-BR' : 'PT-PT';
  return primaryLanguage(tag).toUpperCase();
}

export class DeepLClient implements MachineTranslation {
  readonly service = 'deepl';
  private readonly endpoint: URL;

  constructor(private readonly options: DeepLOptions) {
    const base = (options.url ?? deeplUrlFor(options.apiKey)).replace(/\/+$/, '');
    this.endpoint = new URL(`${base}/v2/translate`);
  }

  async translate(text: string, targetLanguage: string, signal: AbortSignal): Promise<MachineTranslated> {
    const answer = answerSchema.safeParse(
      await postForJson({
        service: 'DeepL',
        url: this.endpoint,
        headers: { Authorization: `DeepL-Auth-Key ${this.options.apiKey}` },
        body: { text: [text], target_lang: deeplTargetLanguage(targetLanguage) },
        signal,
        timeoutMs: this.options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        statuses: STATUSES,
      }),
    );
    if (!answer.success) throw new MachineTranslationError('DeepL answered without translations');
    const [first] = answer.data.translations;
    return { text: first?.text ?? '', sourceLanguage: first?.detected_source_language ?? null };
  }
}
