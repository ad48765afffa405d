/**
 * The Slack emulator's parts wired together (slack-emulator.ts is their facade): the workspaces'
 * state, the Web API's environment, interactions, Socket Mode, members writing, faults, the request
 * log, and the HTTP server with which path goes where.
 */

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';

import { FaultInjector } from './faults.ts';
import { servePrivateFile } from './files-api.ts';
import { answerAuthorize, answerResponseUrl, answerUpload, sendJson } from './http-endpoints.ts';
import { SlackHttpBot } from './http-sender.ts';
import { Interactions } from './interactions.ts';
import { MemberMessages } from './member-messages.ts';
import { CustomEmoji } from './reactions.ts';
import { SocketModeServer } from './socket-mode.ts';
import type { WorkspaceInput } from './state.ts';
import { SlackState } from './state.ts';
import { Waiters } from './wait.ts';
import type { WebApiEnv } from './web-api.ts';
import type { ApiCall } from './web-api-endpoint.ts';
import { answerWebApi } from './web-api-endpoint.ts';

export interface SlackEmulatorOptions {
  signingSecret?: string;
  /** App-level token (Socket Mode); default `xapp-1-A0TWINBRIDGE-test`. */
  appToken?: string;
  appId?: string;
  /** OAuth client credentials checked by oauth.v2.access. */
  clientId?: string;
  clientSecret?: string;
  /** Default: one installed workspace `T0001`. */
  workspaces?: readonly WorkspaceInput[];
  /** How long a trigger_id stays valid (Slack: 3 s). */
  triggerTtlMs?: number;
  /** The emulator's clock (message timestamps, trigger and response_url expiry); default real time. */
  now?: () => number;
}

export interface EmulatorParts {
  readonly signingSecret: string;
  readonly appToken: string;
  readonly appId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly state: SlackState;
  readonly customEmoji: CustomEmoji;
  readonly faults: FaultInjector;
  readonly waiters: Waiters;
  readonly interactions: Interactions;
  readonly socket: SocketModeServer;
  readonly env: WebApiEnv;
  readonly members: MemberMessages;
  /** Every Web API call, oldest first. */
  readonly log: ApiCall[];
  readonly server: Server;
  /** Set once the server listens. */
  port: number;
  /** `http://127.0.0.1:PORT` */
  readonly url: () => string;
  /** A sender for a bot's HTTP events endpoint. */
  readonly http: (endpoint: string) => SlackHttpBot;
}

export function buildEmulatorParts(options: SlackEmulatorOptions): EmulatorParts {
  const signingSecret = options.signingSecret ?? 'emulator-signing-secret';
  const appToken = options.appToken ?? 'xapp-1-A0TWINBRIDGE-test';
  const appId = options.appId ?? 'A0TWINBRIDGE';
  const clientId = options.clientId ?? '1000000000.2000000000';
  const clientSecret = options.clientSecret ?? 'emulator-client-secret';
  const state = new SlackState(options.now);
  for (const ws of options.workspaces ?? [{ teamId: 'T0001' }]) state.addWorkspace(ws);
  const customEmoji = new CustomEmoji();
  const waiters = new Waiters();
  // `parts` and `members` are made below: the closures naming them run only once everything is.
  const url = () => `http://127.0.0.1:${parts.port}`;
  const interactions = new Interactions(state, url, appId, 'emulator-verification-token');
  const http = (endpoint: string) => new SlackHttpBot(endpoint, signingSecret, interactions);
  const socket = new SocketModeServer({
    appId,
    interactions,
    waiters,
    wsBase: () => `ws://127.0.0.1:${parts.port}`,
  });
  const env: WebApiEnv = {
    state,
    appId,
    appToken,
    clientId,
    clientSecret,
    triggerTtlMs: options.triggerTtlMs ?? 3000,
    openSocketUrl: () => socket.issueUrl(),
    baseUrl: url,
    messageChanged: (change) => void members.changed(change),
    customEmoji,
  };
  const members = new MemberMessages({
    state,
    env: () => env,
    deliver: async (input, endpoint) =>
      endpoint === undefined
        ? socket
            .event(input)
            .waitForAck()
            .then(() => 200)
        : (await http(endpoint).event(input)).status,
  });
  const server = createServer((req, res) => {
    routeRequest(parts, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`emulator error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on('upgrade', (req: IncomingMessage, upgraded, head: Buffer) => {
    if (!socket.handleUpgrade(req, upgraded, head)) upgraded.destroy();
  });
  const parts: EmulatorParts = {
    signingSecret,
    appToken,
    appId,
    clientId,
    clientSecret,
    state,
    customEmoji,
    faults: new FaultInjector(),
    waiters,
    interactions,
    socket,
    env,
    members,
    log: [],
    server,
    port: 0,
    url,
    http,
  };
  return parts;
}

async function routeRequest(parts: EmulatorParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', parts.url());
  const method = (req.method ?? 'GET').toUpperCase();
  if (url.pathname.startsWith('/api/')) {
    await answerWebApi(parts, req, res, url);
  } else if (url.pathname.startsWith('/files-pri/') && method === 'GET') {
    const served = servePrivateFile(parts.env, url.pathname, req.headers.authorization);
    res.writeHead(served.status, { 'content-type': served.contentType }).end(served.body);
  } else if (url.pathname.startsWith('/upload/v1/') && method === 'POST') {
    await answerUpload(parts, req, res, url);
  } else if (url.pathname.startsWith('/hooks/') && method === 'POST') {
    await answerResponseUrl(parts, req, res, url);
  } else if (url.pathname === '/oauth/v2/authorize' && method === 'GET') {
    answerAuthorize(parts, res, url);
  } else {
    sendJson(res, 404, { ok: false, error: 'not_found' });
  }
}
