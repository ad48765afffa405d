// The emulator's HTTP endpoints besides the Web API: the bytes POSTed to an upload_url, posts to a
// response_url (5 uses within 30 minutes) and what Slack does with them, the OAuth authorize page and
// the codes it issues; and the body reading and JSON answers every endpoint uses.

import type { IncomingMessage, ServerResponse } from 'node:http';

import { parseRequestBody } from '../discord/http-body.ts';
import type { EmulatorParts } from './emulator-parts.ts';
import { receiveUpload } from './files-api.ts';

const RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;
const BODY_LIMIT = 5 * 1024 * 1024;

/** The bytes of a file upload (raw, or the first file of a multipart body), to an upload URL. */
export async function answerUpload(
  parts: EmulatorParts,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'];
  const data = type?.startsWith('multipart/form-data') ? parseRequestBody(type, raw).files[0]?.data : raw;
  const taken =
    data !== undefined && receiveUpload(parts.env, url.pathname.slice('/upload/v1/'.length), data);
  if (!taken) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  else res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${data.length}`);
  parts.waiters.notify();
}

export async function answerResponseUrl(
  parts: EmulatorParts,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const responseUrl = `${parts.url()}${url.pathname}`;
  const grant = parts.state.responseUrls.get(responseUrl);
  const raw = await readBody(req);
  let body: Record<string, unknown> = {};
  let status = 200;
  let error: string | undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
    else error = 'invalid_payload';
  } catch {
    error = 'invalid_payload';
  }
  if (grant === undefined) {
    status = 404;
    error = 'no_service';
  } else if (error !== undefined) {
    status = 400;
  } else if (parts.state.now() - grant.issuedAt > RESPONSE_URL_TTL_MS) {
    status = 404;
    error = 'expired_url';
  } else if (grant.uses >= RESPONSE_URL_USES) {
    status = 404;
    error = 'used_url';
  }
  if (grant !== undefined && status === 200) {
    grant.uses += 1;
    applyResponse(parts, grant.teamId, grant.channelId, grant.messageTs, body);
  }
  parts.state.responsePosts.push({ responseUrl, body, use: grant?.uses ?? 0, status });
  sendJson(res, status, error === undefined ? { ok: true } : { ok: false, error });
  parts.waiters.notify();
}

/** What Slack does with a response_url post: replace/delete the source message or post in channel. */
function applyResponse(
  parts: EmulatorParts,
  teamId: string,
  channelId: string | undefined,
  messageTs: string | undefined,
  body: Record<string, unknown>,
): void {
  if (channelId === undefined) return;
  const original = messageTs === undefined ? undefined : parts.state.findMessage(channelId, messageTs);
  if (original !== undefined && (body['delete_original'] === true || body['delete_original'] === 'true')) {
    original.deleted = true;
    return;
  }
  const text = typeof body['text'] === 'string' ? body['text'] : undefined;
  const blocks = Array.isArray(body['blocks']) ? (body['blocks'] as unknown[]) : undefined;
  if (original !== undefined && (body['replace_original'] === true || body['replace_original'] === 'true')) {
    if (text !== undefined) original.text = text;
    if (blocks !== undefined) original.blocks = blocks;
    original.edits += 1;
    return;
  }
  if (body['response_type'] === 'in_channel') {
    const ws = parts.interactions.workspaceOf(teamId);
    parts.state.messages.push({
      channel: channelId,
      ts: parts.state.nextTs(),
      teamId,
      user: ws.botUserId,
      botId: ws.botId,
      text: text ?? '',
      blocks,
      threadTs: undefined,
      args: body,
      edits: 0,
      deleted: false,
    });
  }
}

/** A single-use code that oauth.v2.access exchanges for `teamId`'s installation. */
export function issueOAuthCode(
  parts: EmulatorParts,
  teamId: string,
  options: { scopes?: readonly string[]; redirectUri?: string | undefined } = {},
): string {
  const ws = parts.interactions.workspaceOf(teamId);
  const code = `${ws.teamId}.${parts.state.newId('', 8)}.oauth`;
  parts.state.oauthCodes.set(code, {
    code,
    teamId: ws.teamId,
    scopes: options.scopes ?? ws.scopes,
    redirectUri: options.redirectUri,
    used: false,
  });
  return code;
}

/** The "user approved" step of OAuth: redirect back to the app with a fresh code. */
export function answerAuthorize(parts: EmulatorParts, res: ServerResponse, url: URL): void {
  const params = url.searchParams;
  if (params.get('client_id') !== parts.clientId) {
    sendJson(res, 400, { ok: false, error: 'invalid_client_id' });
    return;
  }
  const redirectUri = params.get('redirect_uri');
  if (redirectUri === null) {
    sendJson(res, 400, { ok: false, error: 'bad_redirect_uri' });
    return;
  }
  const teamId =
    params.get('team') ?? [...parts.state.workspaces.values()].find((w) => !w.installed)?.teamId ?? undefined;
  const scopes = (params.get('scope') ?? '').split(',').filter((s) => s !== '');
  const code = issueOAuthCode(parts, parts.interactions.workspaceOf(teamId).teamId, {
    ...(scopes.length > 0 ? { scopes } : {}),
    redirectUri,
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = params.get('state');
  if (state !== null) target.searchParams.set('state', state);
  res.writeHead(302, { location: target.toString() });
  res.end();
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: Readonly<Record<string, unknown>>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
