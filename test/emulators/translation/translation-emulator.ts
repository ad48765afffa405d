/**
 * An emulator of the two translation services' documented APIs on one node:http server:
 * LibreTranslate's POST /translate (JSON or form; q, source, target, format, api_key; answers
 * translatedText and, for source "auto", detectedLanguage) and DeepL's POST /v2/translate
 * (`Authorization: DeepL-Auth-Key`, text[], upper-case target_lang; answers translations[] with
 * text and detected_source_language). The "translation" is deterministic: `[cs] ` before the
 * text; detection goes by a fixed word table. Faults: 5xx, a hang, 403 for a bad key, 456 (DeepL's
 * quota), each for the next N requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Words that give a text away, first match wins; anything else is English. */
const DETECTION: readonly [RegExp, string][] = [
  [words('dobrý', 'ahoj', 'děkuji', 'sraz', 'zítra', 'náměstí'), 'cs'],
  [words('hallo', 'grüß', 'danke', 'zusammen', 'morgen', 'treffen', 'wir'), 'de'],
  [words('dzień', 'dziękuję', 'cześć'), 'pl'],
];

/** Any of the words, whole (\b knows only ASCII letters). */
function words(...list: string[]): RegExp {
  return new RegExp(`(?<!\\p{L})(${list.join('|')})(?!\\p{L})`, 'iu');
}

/** DeepL's target codes the emulator knows (plain EN and PT are deprecated: refused here). */
const DEEPL_TARGETS = new Set(['CS', 'DE', 'EN-GB', 'EN-US', 'PL', 'SK', 'FR', 'PT-PT', 'PT-BR']);

export type TranslationFault = 'server-error' | 'hang' | 'bad-key' | 'quota';

export interface TranslationRequestSeen {
  service: 'libretranslate' | 'deepl';
  text: string;
  target: string;
}

export function detectLanguage(text: string): string {
  return DETECTION.find(([words]) => words.test(text))?.[1] ?? 'en';
}

/** The emulator's translation: the text, marked with the target language. */
export const emulatedTranslation = (text: string, target: string): string =>
  `[${target.toLowerCase()}] ${text}`;

export class TranslationEmulator {
  /** Every translation request answered or held, in order. */
  readonly requests: TranslationRequestSeen[] = [];
  private readonly faults: { fault: TranslationFault; left: number }[] = [];
  private readonly arrivals: (() => void)[] = [];
  private readonly server: Server;
  private port = 0;

  /** `keys`: the API keys accepted; LibreTranslate without keys takes any request. */
  constructor(private readonly keys: { libretranslate?: string[]; deepl: string[] }) {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next `times` requests (of either service) meet this fault. */
  fail(fault: TranslationFault, times = 1): void {
    this.faults.push({ fault, left: times });
  }

  /** Resolves once `count` requests have arrived in all (hung ones included). */
  async received(count: number): Promise<void> {
    while (this.requests.length < count) await new Promise<void>((resolve) => this.arrivals.push(resolve));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://emulator').pathname;
    if (request.method === 'POST' && path === '/translate') return this.libreTranslate(body, response);
    if (request.method === 'POST' && path === '/v2/translate') return this.deepl(request, body, response);
    json(response, 404, { error: 'Not Found' });
  }

  private libreTranslate(raw: string, response: ServerResponse): void {
    const form = parseBody(raw);
    const text = typeof form.q === 'string' ? form.q : '';
    const target = typeof form.target === 'string' ? form.target : '';
    this.seen({ service: 'libretranslate', text, target });
    const fault = this.takeFault();
    if (fault === 'hang') return;
    if (fault === 'server-error') return json(response, 500, { error: 'Internal Server Error' });
    const allowed = this.keys.libretranslate;
    const key = typeof form.api_key === 'string' ? form.api_key : '';
    if (fault === 'bad-key' || (allowed && !allowed.includes(key)))
      return json(response, 403, { error: 'Invalid API key' });
    if (fault === 'quota') return json(response, 429, { error: 'Slowdown: 30 per 1 minute' });
    if (!text) return json(response, 400, { error: 'Invalid request: missing q parameter' });
    if (!/^[a-z]{2,3}$/.test(target)) return json(response, 400, { error: `${target} is not supported` });
    const source =
      typeof form.source === 'string' && form.source !== 'auto' ? form.source : detectLanguage(text);
    const translatedText = source === target ? text : emulatedTranslation(text, target);
    json(response, 200, {
      translatedText,
      ...(form.source === 'auto' ? { detectedLanguage: { confidence: 90, language: source } } : {}),
    });
  }

  private deepl(request: IncomingMessage, raw: string, response: ServerResponse): void {
    const form = parseBody(raw);
    const texts = Array.isArray(form.text)
      ? form.text.map(String)
      : typeof form.text === 'string'
        ? [form.text]
        : [];
    const target = typeof form.target_lang === 'string' ? form.target_lang : '';
    this.seen({ service: 'deepl', text: texts.join('\n'), target });
    const fault = this.takeFault();
    if (fault === 'hang') return;
    if (fault === 'server-error') return json(response, 503, { message: 'Service Unavailable' });
    const key = /^DeepL-Auth-Key (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (fault === 'bad-key' || !key || !this.keys.deepl.includes(key))
      return json(response, 403, { message: 'Forbidden' });
    if (fault === 'quota') return json(response, 456, { message: 'Quota Exceeded' });
    if (texts.length === 0) return json(response, 400, { message: "Parameter 'text' not specified." });
    if (!DEEPL_TARGETS.has(target))
      return json(response, 400, { message: "Value for 'target_lang' not supported." });
    const language = target.split('-')[0]!.toLowerCase();
    json(response, 200, {
      translations: texts.map((text) => {
        const source = detectLanguage(text);
        return {
          detected_source_language: source.toUpperCase(),
          text: source === language ? text : emulatedTranslation(text, language),
        };
      }),
    });
  }

  private seen(request: TranslationRequestSeen): void {
    this.requests.push(request);
    this.arrivals.splice(0).forEach((wake) => wake());
  }

  private takeFault(): TranslationFault | undefined {
    const next = this.faults[0];
    if (!next) return undefined;
    if (--next.left <= 0) this.faults.shift();
    return next.fault;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** JSON, or a form (both services take either). */
function parseBody(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    // not JSON: a form
  }
  const form: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    const before = form[name];
    form[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return form;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}
