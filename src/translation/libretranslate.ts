/**
 * A self-hosted (or hosted) LibreTranslate behind the MachineTranslation port: POST /translate
 * with q, source "auto", target, format "text" and api_key when one is set; the answer's
 * translatedText and detectedLanguage.language.
 */
import { z } from 'zod';
import {
  MachineTranslationError,
  type MachineTranslated,
  type MachineTranslation,
} from '../core/relay/machine-translation.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, postForJson, primaryLanguage } from './translation-request.ts';

export interface LibreTranslateOptions {
  /** The server's base URL, e.g. http://127.0.0.1:5000 or https://translate.example.org/lt/. */
  url: string;
  /** Only when the server asks for keys (--api-keys). */
  apiKey?: string | undefined;
  timeoutMs?: number;
}

const answerSchema = z.object({
  translatedText: z.string(),
  detectedLanguage: z.object({ language: z.string() }).optional(),
});

const STATUSES: Record<number, string> = {
  400: 'the request was refused',
  403: 'the API key was refused, or this client is banned',
  429: 'too many requests',
};

export class LibreTranslateClient implements MachineTranslation {
  readonly service = 'libretranslate';
  private readonly endpoint: URL;

  constructor(private readonly options: LibreTranslateOptions) {
    const base = options.url.endsWith('/') ? options.url : `${options.url}/`;
    this.endpoint = new URL('translate', base);
  }

  async translate(text: string, targetLanguage: string, signal: AbortSignal): Promise<MachineTranslated> {
    const { apiKey } = this.options;
    const answer = answerSchema.safeParse(
      await postForJson({
        service: 'LibreTranslate',
        url: this.endpoint,
        body: {
          q: text,
          source: 'auto',
          target: primaryLanguage(targetLanguage),
          format: 'text',
          ...(apiKey ? { api_key: apiKey } : {}),
        },
        signal,
        timeoutMs: this.options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        statuses: STATUSES,
      }),
    );
    if (!answer.success) throw new MachineTranslationError('LibreTranslate answered without translatedText');
    return {
      text: answer.data.translatedText,
      sourceLanguage: answer.data.detectedLanguage?.language ?? null,
    };
  }
}
