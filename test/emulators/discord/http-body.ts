/**
 * Request bodies and Discord's JSON error format.
 *
 * discord.js sends JSON, or multipart/form-data (`payload_json` plus `files[n]` parts)
 * whenever files are attached, so both are decoded here.
 */

export interface UploadedFile {
  /** Form field name, e.g. `files[0]`. */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface RequestBody {
  /** The JSON body, or the multipart `payload_json`; undefined when there is none. */
  readonly json: unknown;
  readonly files: readonly UploadedFile[];
}

/** What a route handler answers; the REST server adds rate-limit headers. */
export interface RestResult {
  readonly status: number;
  /** JSON body; omitted for 204. */
  readonly body?: unknown;
}

/** Error body as Discord sends it: `{ code, message, errors? }`. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

/** Thrown by route handlers; the REST server turns it into the HTTP answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.message} (code ${body.code})`);
  }
}

// Codes and messages from developers/topics/opcodes-and-status-codes.mdx.
export const apiErrors = {
  unauthorized: () => new ApiError(401, { code: 0, message: '401: Unauthorized' }),
  notFound: () => new ApiError(404, { code: 0, message: '404: Not Found' }),
  unknownApplication: () => new ApiError(404, { code: 10002, message: 'Unknown Application' }),
  unknownChannel: () => new ApiError(404, { code: 10003, message: 'Unknown Channel' }),
  unknownGuild: () => new ApiError(404, { code: 10004, message: 'Unknown Guild' }),
  unknownMember: () => new ApiError(404, { code: 10007, message: 'Unknown Member' }),
  unknownMessage: () => new ApiError(404, { code: 10008, message: 'Unknown Message' }),
  unknownUser: () => new ApiError(404, { code: 10013, message: 'Unknown User' }),
  unknownWebhook: () => new ApiError(404, { code: 10015, message: 'Unknown Webhook' }),
  unknownInteraction: () => new ApiError(404, { code: 10062, message: 'Unknown interaction' }),
  unknownCommand: () => new ApiError(404, { code: 10063, message: 'Unknown application command' }),
  alreadyAcknowledged: () =>
    new ApiError(400, { code: 40060, message: 'Interaction has already been acknowledged.' }),
  maxWebhooks: () => new ApiError(400, { code: 30007, message: 'Maximum number of webhooks reached (15)' }),
  entityTooLarge: () => new ApiError(413, { code: 40005, message: 'Request entity too large' }),
  unknownEmoji: () => new ApiError(400, { code: 10014, message: 'Unknown Emoji' }),
  missingAccess: () => new ApiError(403, { code: 50001, message: 'Missing Access' }),
  notAuthor: () =>
    new ApiError(403, { code: 50005, message: 'Cannot edit a message authored by another user' }),
  emptyMessage: () => new ApiError(400, { code: 50006, message: 'Cannot send an empty message' }),
  cannotMessageUser: () => new ApiError(403, { code: 50007, message: 'Cannot send messages to this user' }),
  nonTextChannel: () =>
    new ApiError(400, { code: 50008, message: 'Cannot send messages in a non-text channel' }),
  missingPermissions: () => new ApiError(403, { code: 50013, message: 'Missing Permissions' }),
  invalidWebhookToken: () => new ApiError(401, { code: 50027, message: 'Invalid Webhook Token' }),
  threadAlreadyCreated: () =>
    new ApiError(400, { code: 160004, message: 'A thread has already been created for this message' }),
  invalidJson: () => new ApiError(400, { code: 50109, message: 'The request body contains invalid JSON.' }),
};

/**
 * Collects field errors in Discord's nested `errors` shape
 * (`{ content: { _errors: [{ code, message }] } }`) and throws one 50035 for all of them.
 */
export class FormErrors {
  readonly #root: Record<string, unknown> = {};
  #count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.#root;
    for (const key of path) {
      const name = String(key);
      const next = (node[name] ??= {}) as Record<string, unknown>;
      node = next;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code, message });
    this.#count += 1;
  }

  get count(): number {
    return this.#count;
  }

  throwIfAny(): void {
    if (this.#count === 0) return;
    throw new ApiError(400, { code: 50035, message: 'Invalid Form Body', errors: this.#root });
  }
}

export function parseRequestBody(contentType: string | undefined, raw: Buffer): RequestBody {
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return parseMultipart(contentType ?? '', raw);
  if (type.startsWith('application/json')) return { json: parseJson(raw.toString('utf8')), files: [] };
  // Discord answers 50035 for an unknown Content-Type.
  throw new ApiError(400, { code: 50035, message: 'Invalid Form Body' });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw apiErrors.invalidJson();
  }
}

function parseMultipart(contentType: string, raw: Buffer): RequestBody {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new ApiError(400, { code: 50035, message: 'Invalid Form Body' });
  const delimiter = Buffer.from(`--${boundary}`);
  let json: unknown = undefined;
  const files: UploadedFile[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    // "--" right after a delimiter closes the body.
    if (raw.subarray(partStart, partStart + 2).toString() === '--') break;
    const end = raw.indexOf(delimiter, partStart);
    if (end === -1) break;
    // Each part is CRLF, headers, CRLF CRLF, content, CRLF.
    const part = raw.subarray(partStart + 2, end - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      if (name === 'payload_json') json = parseJson(content.toString('utf8'));
      else if (filename !== undefined) {
        files.push({ field: name, filename, contentType: partType, data: content });
      }
    }
    start = end;
  }
  return { json, files };
}
