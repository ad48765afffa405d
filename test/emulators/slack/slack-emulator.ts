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
 *
 * The facade is built in layers: emulator-parts.ts wires the parts and routes the HTTP server's
 * requests (web-api-endpoint.ts for the Web API, http-endpoints.ts for uploads, response_urls and
 * the OAuth authorize page), emulator-world.ts adds the addresses and workspaces, and this file what
 * the workspaces show, the request log, faults, inbound traffic, OAuth and waiting.
 */

import type { AddressInfo } from 'node:net';

import type { EmulatorParts, SlackEmulatorOptions } from './emulator-parts.ts';
import { buildEmulatorParts } from './emulator-parts.ts';
import { EmulatorWorld } from './emulator-world.ts';
import type { FaultHandle, FaultRuleOptions, RandomFaultOptions, WebApiFault } from './faults.ts';
import { issueOAuthCode } from './http-endpoints.ts';
import type { SlackHttpBot } from './http-sender.ts';
import type { Actor } from './interactions.ts';
import type { MemberMessages } from './member-messages.ts';
import { playOAuthInstall, type InstallInput, type OAuthInstallResult } from './oauth-browser.ts';
import type { SocketModeServer } from './socket-mode.ts';
import type { EphemeralMessage, ResponsePost, StoredMessage, StoredView } from './state.ts';
import type { ApiCall } from './web-api-endpoint.ts';

export type { SlackEmulatorOptions } from './emulator-parts.ts';
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
export type { ApiCall } from './web-api-endpoint.ts';

export class SlackEmulator extends EmulatorWorld {
  readonly signingSecret: string;
  readonly appToken: string;
  readonly appId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Socket Mode side: waitForConnection, slashCommand/blockAction/event, acks, drop. */
  readonly socket: SocketModeServer;
  /** Members writing, editing, deleting, and the message events the app gets (member-messages.ts). */
  readonly members: MemberMessages;

  private stopped = false;

  private constructor(parts: EmulatorParts) {
    super(parts);
    this.signingSecret = parts.signingSecret;
    this.appToken = parts.appToken;
    this.appId = parts.appId;
    this.clientId = parts.clientId;
    this.clientSecret = parts.clientSecret;
    this.socket = parts.socket;
    this.members = parts.members;
  }

  static async start(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
    const emulator = new SlackEmulator(buildEmulatorParts(options));
    const { server } = emulator.parts;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    emulator.parts.port = (server.address() as AddressInfo).port;
    return emulator;
  }

  // ---------- what the workspaces show ----------

  /** Messages posted (and not deleted), oldest first; all channels without an argument. */
  messages(channelId?: string, options: { includeDeleted?: boolean } = {}): StoredMessage[] {
    return this.parts.state.messages.filter(
      (m) =>
        (channelId === undefined || m.channel === channelId) &&
        (options.includeDeleted === true || !m.deleted),
    );
  }

  ephemeralMessages(channelId?: string): EphemeralMessage[] {
    return this.parts.state.ephemeral.filter((m) => channelId === undefined || m.channel === channelId);
  }

  view(viewId: string): StoredView | undefined {
    return this.parts.state.views.get(viewId);
  }

  views(): StoredView[] {
    return [...this.parts.state.views.values()];
  }

  /** Posts to response_urls, oldest first; only those to one URL when given. */
  responses(responseUrl?: string): ResponsePost[] {
    return this.parts.state.responsePosts.filter(
      (p) => responseUrl === undefined || p.responseUrl === responseUrl,
    );
  }

  // ---------- request log ----------

  calls(method?: string): ApiCall[] {
    return this.parts.log.filter((c) => method === undefined || c.method === method);
  }

  callCount(method: string): number {
    return this.calls(method).length;
  }

  callCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.parts.log) counts[call.method] = (counts[call.method] ?? 0) + 1;
    return counts;
  }

  // ---------- faults ----------

  /** The next `times` (default 1) calls of `method` (`'*'` for any) answer `fault`. */
  failNext(method: string, fault: WebApiFault, options?: FaultRuleOptions): FaultHandle {
    return this.parts.faults.failNext(method, fault, options);
  }

  /** Every call naming this channel answers `{ok:false, error}` until cleared. */
  failChannel(channelId: string, error: string = 'not_in_channel'): FaultHandle {
    return this.parts.faults.failChannel(channelId, error);
  }

  /** A seeded fraction of calls (default chat.postMessage) answer 429 or 5xx. */
  randomFaults(options: RandomFaultOptions): FaultHandle {
    return this.parts.faults.randomFaults(options);
  }

  clearFaults(): void {
    this.parts.faults.clear();
  }

  // ---------- inbound traffic ----------

  /** A sender for a bot's HTTP events endpoint (e.g. `http://127.0.0.1:PORT/slack/events`). */
  http(endpoint: string): SlackHttpBot {
    return this.parts.http(endpoint);
  }

  /** A trigger_id for views.open/push (valid `triggerTtlMs`, single use), without an interaction. */
  issueTriggerId(actor: Actor = {}): string {
    return this.parts.interactions.triggerFor(actor);
  }

  // ---------- OAuth ----------

  /** A single-use code that oauth.v2.access exchanges for `teamId`'s installation. */
  issueOAuthCode(
    teamId: string,
    options: { scopes?: readonly string[]; redirectUri?: string | undefined } = {},
  ): string {
    return issueOAuthCode(this.parts, teamId, options);
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
    return this.parts.waiters.waitFor(probe, timeoutMs, what);
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
    this.parts.faults.clear();
    this.parts.waiters.rejectAll(new Error('Slack emulator stopped'));
    await this.socket.close();
    this.parts.server.closeAllConnections();
    await new Promise<void>((resolve) => this.parts.server.close(() => resolve()));
  }
}
