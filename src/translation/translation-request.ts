/**
 * What both translation clients share: one bounded JSON POST, and failures said without the
 * text or the key (they are logged: the key travels in the body or a header, never in a reason).
 */
import { MachineTranslationError } from '../core/relay/machine-translation.ts';

/** A request that takes longer is abandoned, whatever the caller's own bound. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export interface TranslationRequest {
  service: string;
  url: URL;
  headers?: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
  timeoutMs: number;
  /** What some statuses mean for this service ("the API key was refused"). */
  statuses: Record<number, string>;
}

/** The answer's JSON; a MachineTranslationError for an error status, an abort, or no connection. */
export async function postForJson(request: TranslationRequest): Promise<unknown> {
  const { service, statuses } = request;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers },
      body: JSON.stringify(request.body),
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]),
    });
  } catch (error) {
    throw new MachineTranslationError(`${service} could not be reached (${failureName(error)})`);
  }
  if (!response.ok) {
    // The body is not read into the reason: a service may echo the request in it.
    await response.body?.cancel().catch(() => undefined);
    const meaning = statuses[response.status] ?? (response.status >= 500 ? 'the service failed' : 'refused');
    throw new MachineTranslationError(`${service} answered ${response.status}: ${meaning}`);
  }
  try {
    return await response.json();
  } catch (error) {
    throw new MachineTranslationError(`${service} answered with no JSON (${failureName(error)})`);
  }
}

/** An error's kind and code, never its message (undici's may quote what it was sending). */
function failureName(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const cause = error.cause as { code?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? `: ${cause.code}` : '';
  return `${error.name}${code}`;
}

/** The primary language subtag, lower case: "de-AT" is "de". */
export const primaryLanguage = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';
