/**
 * Local Slack emulator: the unmodified @slack/bolt App talks to it over loopback.
 *
 *   const slack = await SlackEmulator.start();      // 127.0.0.1, random port, workspace T0001
 *   const ws = slack.workspace();                    // botToken, botUserId, generalChannelId, ...
 *   const app = new App({
 *     token: ws.botToken, signingSecret: slack.signingSecret,
 *     processBeforeResponse: true, deferInitialization: true,
 *     clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
 *   });
 *   await app.init();                                // awaits auth.test
 *   const server = await app.start({ port: 0, host: '127.0.0.1' });
 *   const bot = slack.http(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
 *   const res = await bot.slashCommand({ command: '/twin', text: 'help' });   // signed POST
 *   res.status; res.json;                            // what the app answered (ack body)
 *   await slack.waitForResponse(res.responseUrl!);   // what respond() posted
 *   slack.messages(ws.generalChannelId);             // what chat.postMessage stored
 *   await app.stop(); await slack.stop();            // the app first
 *
 * Web API at `apiUrl` (form or JSON bodies, Bearer or body token): auth.test, chat.
 * postMessage/update/delete/postEphemeral (message-api.ts), conversations.info/open/history/replies,
 * users.info, views.open/push/update/publish (views-api.ts), oauth.v2.access,
 * apps.connections.open (auth-api.ts, with auth.test), files.info and the external
 * upload (files-api.ts: files served at url_private(_download) with the token checked, uploads
 * POSTed to upload_url); others: `unknown_method`.
 * State is modelled: unknown channel -> channel_not_found, seeded #random (bot not a
 * member) -> not_in_channel, trigger ids single-use for 3 s, OAuth codes single-use.
 * Inspect with messages(), ephemeralMessages(), views(), responses(), calls(), callCounts().
 *
 * Faults: failNext(method | '*', fault, { times, when }) where fault is
 * { type: 'rate_limited', retryAfter } (HTTP 429 + Retry-After), { type: 'http_error', status }
 * or { type: 'error', error }, or { type: 'hang', then? } (held until the rule is cleared, then
 * answered late or dropped), { type: 'lost_answer', status? } (carried out, answer lost);
 * failChannel(id, error); randomFaults({ rate, seed, method?,
 * faults? }) fails the same calls for the same seed. Each returns a handle with clear().
 *
 * Inbound HTTP: http(url).slashCommand / blockAction / viewSubmission / event / appMention /
 * urlVerification, options { badSignature, stale, timestampSec, retryNum, retryReason,
 * contentType }; retry(previous, { retryNum }) re-sends the same bytes. response_url posts
 * are recorded and applied (replace_original, delete_original, in_channel); 5 uses, then 404.
 *
 * Members writing, editing and deleting, and the message events the app subscribed to: members
 * (member-messages.ts).
 *
 * Socket Mode: socket.waitForConnection(n), then socket.slashCommand / blockAction /
 * viewSubmission / event / appMention -> SentEnvelope with waitForAck(); socket.drop(mode),
 * resend(envelope), resendUnacked() (events sent while no socket was open are held back).
 *
 * OAuth: addWorkspace({ teamId, installed: false }) (its tokens answer invalid_auth until
 * installed), then completeOAuthInstall({ installUrl, teamId }) plays the browser: install
 * page -> authorizeUrl (here) -> the app's redirect with the state cookie. Bolt needs
 * installerOptions.authorizationUrl = slack.authorizeUrl. Or issueOAuthCode(teamId).
 *
 * Bolt quirks (5.1): a 429 surfaces as WebAPIRateLimitedError only with
 * clientOptions.rejectRateLimitedCalls, otherwise the client sleeps Retry-After and
 * retries; Socket Mode reconnects clientPingTimeout (5 s) after a drop, tunable only through
 * a hand-built SocketModeReceiver; unhandled HTTP requests are answered after 3001 ms.
 */

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { parseRequestBody } from '../discord/http-body.ts';
import { receiveUpload, servePrivateFile } from './files-api.ts';
import type { AddressInfo } from 'node:net';

import type { FaultHandle, FaultRuleOptions, RandomFaultOptions, WebApiFault } from './faults.ts';
import { FaultInjector } from './faults.ts';
import { SlackHttpBot } from './http-sender.ts';
import type { Actor } from './interactions.ts';
import { Interactions } from './interactions.ts';
import { MemberMessages } from './member-messages.ts';
import { CustomEmoji } from './reactions.ts';
import { playOAuthInstall, type InstallInput, type OAuthInstallResult } from './oauth-browser.ts';
import { SocketModeServer } from './socket-mode.ts';
import type {
  Channel,
  ChannelInput,
  EphemeralMessage,
  ResponsePost,
  StoredMessage,
  StoredView,
  User,
  UserInput,
  Workspace,
  WorkspaceInput,
} from './state.ts';
import { SlackState } from './state.ts';
import { Waiters } from './wait.ts';
import type { WebApiEnv } from './web-api.ts';
import { callWebApi, JSON_ARGUMENTS } from './web-api.ts';

export type { FaultHandle, FaultRuleOptions, RandomFaultOptions, WebApiFault } from './faults.ts';
export type { InstallInput, OAuthInstallResult } from './oauth-browser.ts';
export type { DeliveryOptions, EventDelivery, HttpDelivery, InteractionDelivery } from './http-sender.ts';
export { SlackHttpBot, slackSignature } from './http-sender.ts';
export type {
  Actor,
  BlockActionInput,
  EventInput,
  SlashCommandInput,
  ViewSubmissionInput,
  ViewValueInput,
} from './interactions.ts';
export type { DropMode, EnvelopeOptions, EnvelopeType, SentEnvelope, SocketAck } from './socket-mode.ts';
export { SocketModeServer } from './socket-mode.ts';
export type {
  Channel,
  ChannelInput,
  EphemeralMessage,
  ResponsePost,
  StoredMessage,
  StoredView,
  User,
  UserInput,
  Workspace,
  WorkspaceInput,
} from './state.ts';

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

const RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;
const BODY_LIMIT = 5 * 1024 * 1024;

export class SlackEmulator {
  readonly signingSecret: string;
  readonly appToken: string;
  readonly appId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Socket Mode side: waitForConnection, slashCommand/blockAction/event, acks, drop. */
  readonly socket: SocketModeServer;
  /** Members writing, editing, deleting, and the message events the app gets (member-messages.ts). */
  readonly members: MemberMessages;

  private readonly state: SlackState;
  private readonly customEmoji = new CustomEmoji();
  private readonly faults = new FaultInjector();
  private readonly waiters = new Waiters();
  private readonly interactions: Interactions;
  private readonly env: WebApiEnv;
  private readonly log: ApiCall[] = [];
  private readonly server: Server;
  private port = 0;
  private stopped = false;

  private constructor(options: SlackEmulatorOptions) {
    this.signingSecret = options.signingSecret ?? 'emulator-signing-secret';
    this.appToken = options.appToken ?? 'xapp-1-A0TWINBRIDGE-test';
    this.appId = options.appId ?? 'A0TWINBRIDGE';
    this.clientId = options.clientId ?? '1000000000.2000000000';
    this.clientSecret = options.clientSecret ?? 'emulator-client-secret';
    this.state = new SlackState(options.now);
    for (const ws of options.workspaces ?? [{ teamId: 'T0001' }]) this.state.addWorkspace(ws);
    this.interactions = new Interactions(
      this.state,
      () => this.url,
      this.appId,
      'emulator-verification-token',
    );
    this.socket = new SocketModeServer({
      appId: this.appId,
      interactions: this.interactions,
      waiters: this.waiters,
      wsBase: () => `ws://127.0.0.1:${this.port}`,
    });
    this.env = {
      state: this.state,
      appId: this.appId,
      appToken: this.appToken,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      triggerTtlMs: options.triggerTtlMs ?? 3000,
      openSocketUrl: () => this.socket.issueUrl(),
      baseUrl: () => this.url,
      messageChanged: (change) => void this.members.changed(change),
      customEmoji: this.customEmoji,
    };
    this.members = new MemberMessages({
      state: this.state,
      env: () => this.env,
      deliver: async (input, url) =>
        url === undefined
          ? this.socket
              .event(input)
              .waitForAck()
              .then(() => 200)
          : (await this.http(url).event(input)).status,
    });
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`emulator error: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
    this.server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
      if (!this.socket.handleUpgrade(req, socket, head)) socket.destroy();
    });
  }

  static async start(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
    const emulator = new SlackEmulator(options);
    await new Promise<void>((resolve, reject) => {
      emulator.server.once('error', reject);
      emulator.server.listen(0, '127.0.0.1', () => resolve());
    });
    emulator.port = (emulator.server.address() as AddressInfo).port;
    return emulator;
  }

  /** `http://127.0.0.1:PORT` */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** For `clientOptions.slackApiUrl`; ends with `/api/`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** For `installerOptions.authorizationUrl`. */
  get authorizeUrl(): string {
    return `${this.url}/oauth/v2/authorize`;
  }

  // ---------- workspace data ----------

  /** A workspace by team id; the first (default) one without an argument. */
  workspace(teamId?: string): Workspace {
    return this.interactions.workspaceOf(teamId);
  }

  addWorkspace(input: WorkspaceInput): Workspace {
    return this.state.addWorkspace(input);
  }

  /** A custom emoji a workspace uploaded: reactions may use its name there. */
  addCustomEmoji(teamId: string, name: string): void {
    this.customEmoji.add(teamId, name);
  }

  /** Who reacted with what to a message, as Slack shows it (reactions.get). */
  reactionsOn(channelId: string, ts: string): { name: string; users: string[] }[] {
    return (this.state.findMessage(channelId, ts)?.reactions ?? []).map((r) => ({
      name: r.name,
      users: [...r.users],
    }));
  }

  addChannel(input: ChannelInput): Channel {
    return this.state.addChannel({ ...input, teamId: input.teamId ?? this.workspace().teamId });
  }

  addUser(input: UserInput): User {
    return this.state.addUser({ ...input, teamId: input.teamId ?? this.workspace().teamId });
  }

  channel(id: string): Channel | undefined {
    return this.state.channels.get(id);
  }

  /** The bot's DM channel with a user (created on first use, as conversations.open does). */
  dmChannel(userId: string, teamId?: string): Channel {
    return this.state.imFor(this.workspace(teamId).teamId, userId);
  }

  /** Messages posted (and not deleted), oldest first; all channels without an argument. */
  messages(channelId?: string, options: { includeDeleted?: boolean } = {}): StoredMessage[] {
    return this.state.messages.filter(
      (m) =>
        (channelId === undefined || m.channel === channelId) &&
        (options.includeDeleted === true || !m.deleted),
    );
  }

  ephemeralMessages(channelId?: string): EphemeralMessage[] {
    return this.state.ephemeral.filter((m) => channelId === undefined || m.channel === channelId);
  }

  view(viewId: string): StoredView | undefined {
    return this.state.views.get(viewId);
  }

  views(): StoredView[] {
    return [...this.state.views.values()];
  }

  /** Posts to response_urls, oldest first; only those to one URL when given. */
  responses(responseUrl?: string): ResponsePost[] {
    return this.state.responsePosts.filter((p) => responseUrl === undefined || p.responseUrl === responseUrl);
  }

  // ---------- request log ----------

  calls(method?: string): ApiCall[] {
    return this.log.filter((c) => method === undefined || c.method === method);
  }

  callCount(method: string): number {
    return this.calls(method).length;
  }

  callCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.log) counts[call.method] = (counts[call.method] ?? 0) + 1;
    return counts;
  }

  // ---------- faults ----------

  /** The next `times` (default 1) calls of `method` (`'*'` for any) answer `fault`. */
  failNext(method: string, fault: WebApiFault, options?: FaultRuleOptions): FaultHandle {
    return this.faults.failNext(method, fault, options);
  }

  /** Every call naming this channel answers `{ok:false, error}` until cleared. */
  failChannel(channelId: string, error: string = 'not_in_channel'): FaultHandle {
    return this.faults.failChannel(channelId, error);
  }

  /** A seeded fraction of calls (default chat.postMessage) answer 429 or 5xx. */
  randomFaults(options: RandomFaultOptions): FaultHandle {
    return this.faults.randomFaults(options);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  // ---------- inbound traffic ----------

  /** A sender for a bot's HTTP events endpoint (e.g. `http://127.0.0.1:PORT/slack/events`). */
  http(endpoint: string): SlackHttpBot {
    return new SlackHttpBot(endpoint, this.signingSecret, this.interactions);
  }

  /** A trigger_id for views.open/push (valid `triggerTtlMs`, single use), without an interaction. */
  issueTriggerId(actor: Actor = {}): string {
    return this.interactions.triggerFor(actor);
  }

  // ---------- OAuth ----------

  /** A single-use code that oauth.v2.access exchanges for `teamId`'s installation. */
  issueOAuthCode(
    teamId: string,
    options: { scopes?: readonly string[]; redirectUri?: string | undefined } = {},
  ): string {
    const ws = this.workspace(teamId);
    const code = `${ws.teamId}.${this.state.newId('', 8)}.oauth`;
    this.state.oauthCodes.set(code, {
      code,
      teamId: ws.teamId,
      scopes: options.scopes ?? ws.scopes,
      redirectUri: options.redirectUri,
      used: false,
    });
    return code;
  }

  /**
   * Plays the browser in Slack's OAuth v2 flow (oauth-browser.ts): the app's install page, this
   * emulator's authorize page for `teamId`, the app's redirect with the state cookie.
   */
  completeOAuthInstall(options: InstallInput): Promise<OAuthInstallResult> {
    return playOAuthInstall(this.authorizeUrl, options);
  }

  // ---------- waiting ----------

  /** Resolves with `probe()`'s first non-undefined value; re-checked whenever the emulator sees traffic. */
  waitFor<T>(probe: () => T | undefined, timeoutMs = 5000, what = 'a condition'): Promise<T> {
    return this.waiters.waitFor(probe, timeoutMs, what);
  }

  /** Resolves with the calls of `method` once there are at least `count`. */
  waitForCalls(method: string, count = 1, timeoutMs = 5000): Promise<ApiCall[]> {
    return this.waitFor(
      () => {
        const calls = this.calls(method);
        return calls.length >= count ? calls : undefined;
      },
      timeoutMs,
      `${count} call(s) of ${method}`,
    );
  }

  /** Resolves with the first post to a response_url (e.g. from `respond()`). */
  waitForResponse(responseUrl: string, timeoutMs = 5000): Promise<ResponsePost> {
    return this.waitFor(() => this.responses(responseUrl)[0], timeoutMs, `a post to ${responseUrl}`);
  }

  /** Closes the Socket Mode connections and the HTTP server. Stop Bolt apps first. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.faults.clear();
    this.waiters.rejectAll(new Error('Slack emulator stopped'));
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------- HTTP routing ----------

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/api/')) {
      await this.handleApi(req, res, url);
    } else if (url.pathname.startsWith('/files-pri/') && method === 'GET') {
      const served = servePrivateFile(this.env, url.pathname, req.headers.authorization);
      res.writeHead(served.status, { 'content-type': served.contentType }).end(served.body);
    } else if (url.pathname.startsWith('/upload/v1/') && method === 'POST') {
      await this.handleUpload(req, res, url);
    } else if (url.pathname.startsWith('/hooks/') && method === 'POST') {
      await this.handleResponseUrl(req, res, url);
    } else if (url.pathname === '/oauth/v2/authorize' && method === 'GET') {
      this.handleAuthorize(res, url);
    } else {
      sendJson(res, 404, { ok: false, error: 'not_found' });
    }
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
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
    const teamId = token === undefined ? undefined : this.state.tokenOwner(token)?.workspace.teamId;

    let status = 200;
    let response: Record<string, unknown> | string;
    // The token's scopes, as Slack lists them on every answer (x-oauth-scopes).
    const scopes = teamId === undefined ? undefined : this.state.workspaces.get(teamId)?.scopes;
    const headers: Record<string, string> = scopes ? { 'x-oauth-scopes': scopes.join(',') } : {};
    const picked = decodeError === undefined ? this.faults.pick(apiMethod, args) : undefined;
    const fault = picked?.fault;
    const logged = (answered: Pick<ApiCall, 'status' | 'response'>) =>
      this.log.push({
        seq: this.log.length + 1,
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
      this.waiters.notify();
      await picked.released;
      if (fault?.type === 'hang' && fault.then === 'drop') {
        req.socket.destroy();
        logged({ status: 0, response: '' });
        this.waiters.notify();
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
      callWebApi(this.env, { method: apiMethod, token, basicAuth, args });
      status = fault.status ?? 504;
      response = `emulated HTTP ${status} after the call was carried out`;
    } else {
      response = callWebApi(this.env, { method: apiMethod, token, basicAuth, args });
    }
    logged({ status, response });
    if (typeof response === 'string') {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(response);
    } else {
      sendJson(res, status, response, headers);
    }
    this.waiters.notify();
  }

  /** The bytes of a file upload (raw, or the first file of a multipart body), to an upload URL. */
  private async handleUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'];
    const data = type?.startsWith('multipart/form-data') ? parseRequestBody(type, raw).files[0]?.data : raw;
    const taken =
      data !== undefined && receiveUpload(this.env, url.pathname.slice('/upload/v1/'.length), data);
    if (!taken) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${data.length}`);
    this.waiters.notify();
  }

  private async handleResponseUrl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const responseUrl = `${this.url}${url.pathname}`;
    const grant = this.state.responseUrls.get(responseUrl);
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
    } else if (this.state.now() - grant.issuedAt > RESPONSE_URL_TTL_MS) {
      status = 404;
      error = 'expired_url';
    } else if (grant.uses >= RESPONSE_URL_USES) {
      status = 404;
      error = 'used_url';
    }
    if (grant !== undefined && status === 200) {
      grant.uses += 1;
      this.applyResponse(grant.teamId, grant.channelId, grant.messageTs, body);
    }
    this.state.responsePosts.push({ responseUrl, body, use: grant?.uses ?? 0, status });
    sendJson(res, status, error === undefined ? { ok: true } : { ok: false, error });
    this.waiters.notify();
  }

  /** What Slack does with a response_url post: replace/delete the source message or post in channel. */
  private applyResponse(
    teamId: string,
    channelId: string | undefined,
    messageTs: string | undefined,
    body: Record<string, unknown>,
  ): void {
    if (channelId === undefined) return;
    const original = messageTs === undefined ? undefined : this.state.findMessage(channelId, messageTs);
    if (original !== undefined && (body['delete_original'] === true || body['delete_original'] === 'true')) {
      original.deleted = true;
      return;
    }
    const text = typeof body['text'] === 'string' ? body['text'] : undefined;
    const blocks = Array.isArray(body['blocks']) ? (body['blocks'] as unknown[]) : undefined;
    if (
      original !== undefined &&
      (body['replace_original'] === true || body['replace_original'] === 'true')
    ) {
      if (text !== undefined) original.text = text;
      if (blocks !== undefined) original.blocks = blocks;
      original.edits += 1;
      return;
    }
    if (body['response_type'] === 'in_channel') {
      const ws = this.workspace(teamId);
      this.state.messages.push({
        channel: channelId,
        ts: this.state.nextTs(),
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

  /** The "user approved" step of OAuth: redirect back to the app with a fresh code. */
  private handleAuthorize(res: ServerResponse, url: URL): void {
    const params = url.searchParams;
    if (params.get('client_id') !== this.clientId) {
      sendJson(res, 400, { ok: false, error: 'invalid_client_id' });
      return;
    }
    const redirectUri = params.get('redirect_uri');
    if (redirectUri === null) {
      sendJson(res, 400, { ok: false, error: 'bad_redirect_uri' });
      return;
    }
    const teamId =
      params.get('team') ??
      [...this.state.workspaces.values()].find((w) => !w.installed)?.teamId ??
      undefined;
    const scopes = (params.get('scope') ?? '').split(',').filter((s) => s !== '');
    const code = this.issueOAuthCode(this.workspace(teamId).teamId, {
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

function readBody(req: IncomingMessage): Promise<string> {
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

function sendJson(
  res: ServerResponse,
  status: number,
  body: Readonly<Record<string, unknown>>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
