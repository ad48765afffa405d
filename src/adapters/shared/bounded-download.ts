/**
 * Reads a file over HTTP into memory, at most `maxBytes`: a longer one is cancelled as soon as
 * it is known to be (by its Content-Length, else while reading), so a copy never holds more than
 * its platform takes. Never rejects.
 */
import type { FileDownload } from '../../core/relay/attachment-files.ts';

export type BoundedDownload = FileDownload | { ok: false; why: 'refused'; status: number };

export async function downloadBounded(
  url: string,
  init: { headers?: Record<string, string>; signal: AbortSignal },
  maxBytes: number,
): Promise<BoundedDownload> {
  let response: Response;
  try {
    response = await fetch(url, { headers: init.headers ?? {}, signal: init.signal });
  } catch {
    return { ok: false, why: 'unreachable' };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 404 || response.status === 410) return { ok: false, why: 'gone' };
    if (response.status === 401 || response.status === 403)
      return { ok: false, why: 'refused', status: response.status };
    return { ok: false, why: 'unreachable' };
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, why: 'too-large' };
  }
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim();
  try {
    const data = await readAtMost(response, maxBytes);
    if (!data) return { ok: false, why: 'too-large' };
    return { ok: true, data, ...(contentType ? { contentType } : {}) };
  } catch {
    return { ok: false, why: 'unreachable' };
  }
}

async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
