// The Web API's HTTP endpoint (`/api/<method>`): arguments decoded from form or JSON bodies (nested
// ones JSON-parsed), the token from the Authorization header or the body, injected faults answered
// or held, the call carried out by web-api.ts, logged as an ApiCall and answered with x-oauth-scopes.

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorParts } from './emulator-parts.ts';
import type { WebApiFault } from './faults.ts';
import { readBody, sendJson } from './http-endpoints.ts';
import { callWebApi, JSON_ARGUMENTS } from './web-api.ts';

/** One Web API request as the emulator saw and answered it. */
export interface ApiCall {
  readonly seq: number;
  /** When it was answered (Date.now()): what a benchmark reads as the message's arrival. */
  readonly at: number;
  readonly method: string;
  readonly token: string | undefined;
  /** Workspace of the token, when it is a known bot/user token. */
  readonly teamId: string | undefined;
  /** Decoded arguments (JSON-stringified ones such as `blocks` parsed), without `token`. */
  readonly args: Readonly<Record<string, unknown>>;
  /** HTTP status answered; 0 when a held call's connection was dropped. */
  readonly status: number;
  /** Parsed JSON answer, or the text body of an injected HTTP error. */
  readonly response: Readonly<Record<string, unknown>> | string;
  readonly fault: WebApiFault | undefined;
}

export async function answerWebApi(
  parts: EmulatorParts,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const apiMethod = decodeURIComponent(url.pathname.slice('/api/'.length));
  const raw = await readBody(req);
  const args: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let decodeError: string | undefined;
  if (raw.length > 0) {
    if (contentType === 'application/json') {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          Object.assign(args, parsed);
        else decodeError = 'invalid_json';
      } catch {
        decodeError = 'invalid_json';
      }
    } else if (contentType === 'application/x-www-form-urlencoded') {
      Object.assign(args, Object.fromEntries(new URLSearchParams(raw)));
    } else {
      decodeError = 'invalid_form_data';
    }
  }
  // Slack clients JSON-encode nested arguments inside form bodies.
  for (const key of JSON_ARGUMENTS) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      decodeError ??= key === 'blocks' ? 'invalid_blocks' : 'invalid_arguments';
    }
  }
  const { token, basicAuth } = credentials(req, args);
  delete args['token'];
  const teamId = token === undefined ? undefined : parts.state.tokenOwner(token)?.workspace.teamId;

  let status = 200;
  let response: Record<string, unknown> | string;
  // The token's scopes, as Slack lists them on every answer (x-oauth-scopes).
  const scopes = teamId === undefined ? undefined : parts.state.workspaces.get(teamId)?.scopes;
  const headers: Record<string, string> = scopes ? { 'x-oauth-scopes': scopes.join(',') } : {};
  const picked = decodeError === undefined ? parts.faults.pick(apiMethod, args) : undefined;
  const fault = picked?.fault;
  const logged = (answered: Pick<ApiCall, 'status' | 'response'>) =>
    parts.log.push({
      seq: parts.log.length + 1,
      at: Date.now(),
      method: apiMethod,
      token,
      teamId,
      args,
      fault,
      ...answered,
    });
  if (picked?.released) {
    // Held: the test sees it waiting (holding), and the call goes on once it is let go.
    parts.waiters.notify();
    await picked.released;
    if (fault?.type === 'hang' && fault.then === 'drop') {
      req.socket.destroy();
      logged({ status: 0, response: '' });
      parts.waiters.notify();
      return;
    }
  }
  if (decodeError !== undefined) {
    response = { ok: false, error: decodeError };
  } else if (fault?.type === 'rate_limited') {
    status = 429;
    headers['retry-after'] = String(fault.retryAfter ?? 1);
    response = { ok: false, error: 'ratelimited' };
  } else if (fault?.type === 'http_error') {
    status = fault.status ?? 500;
    response = fault.body ?? `emulated HTTP ${status}`;
  } else if (fault?.type === 'error') {
    response = { ok: false, error: fault.error };
  } else if (fault?.type === 'lost_answer') {
    callWebApi(parts.env, { method: apiMethod, token, basicAuth, args });
    status = fault.status ?? 504;
    response = `emulated HTTP ${status} after the call was carried out`;
  } else {
    response = callWebApi(parts.env, { method: apiMethod, token, basicAuth, args });
  }
  logged({ status, response });
  if (typeof response === 'string') {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(response);
  } else {
    sendJson(res, status, response, headers);
  }
  parts.waiters.notify();
}

function credentials(
  req: IncomingMessage,
  args: Record<string, unknown>,
): { token: string | undefined; basicAuth: { user: string; password: string } | undefined } {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  const basic = /^Basic\s+(.+)$/i.exec(header)?.[1];
  let basicAuth: { user: string; password: string } | undefined;
  if (basic !== undefined) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    basicAuth = { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  const bodyToken = typeof args['token'] === 'string' && args['token'] !== '' ? args['token'] : undefined;
  return { token: bearer ?? bodyToken, basicAuth };
}
