/**
 * The REST side: the request pipeline Discord applies in order — authentication, global
 * limit, (injected faults), route bucket, body validation, handler — with `X-RateLimit-*`
 * headers on every answer, around the route table for the endpoints the bot uses
 * (rest-routes.ts).
 */

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { CommandStore } from './commands.ts';
import { faultAnswer } from './fault-answers.ts';
import type { FaultInjector } from './faults.ts';
import type { RequestBody } from './http-body.ts';
import { ApiError, apiErrors, parseRequestBody } from './http-body.ts';
import type { PrivilegedIntents } from './intents.ts';
import type { InteractionRegistry } from './interactions.ts';
import type { ChannelActivity } from './member-actions.ts';
import type { MessageRecord, MessageStore } from './messages.ts';
import type { RateLimiter } from './rate-limits.ts';
import { rateLimitBody, retryAfterHeader } from './rate-limits.ts';
import type { RouteDef } from './rest-routes.ts';
import { createRoutes, matchRoute } from './rest-routes.ts';
import type { DiscordState } from './state.ts';
import type { WebhookStore } from './webhooks.ts';

export interface RequestRecord {
  /** 1-based order of arrival. */
  readonly seq: number;
  readonly at: number;
  readonly method: string;
  /** Concrete path below `/api/v10`, e.g. `/channels/123/messages`. */
  readonly path: string;
  /** Route template, e.g. `/channels/:channel_id/messages`; `(unknown)` when none matched. */
  readonly route: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  /** Parsed JSON body (or multipart `payload_json`). */
  readonly body: unknown;
  /** Names of uploaded files. */
  readonly files: readonly string[];
  readonly authorization: string | undefined;
  /** Set when an injected fault answered: `rate-limit`, `missing-access`, ... */
  readonly fault: string | undefined;
  /** Set when the emulator's own limits answered 429. */
  readonly rateLimited: 'global' | 'route' | undefined;
  /** Counts towards Discord's invalid-request limit: 401, 403, 429 (except shared-scope 429s). */
  readonly invalid: boolean;
  /** The JSON answered, if any. */
  readonly response: unknown;
}

export interface RestEnvironment {
  readonly state: DiscordState;
  readonly messages: MessageStore;
  readonly commands: CommandStore;
  readonly interactions: InteractionRegistry;
  readonly webhooks: WebhookStore;
  readonly activity: ChannelActivity;
  /** The application's privileged intent switches (read at each request). */
  readonly privileged: PrivilegedIntents;
  readonly faults: FaultInjector;
  readonly limiter: RateLimiter;
  readonly applicationId: string;
  /** When set, `Authorization` must be `Bot <token>`. */
  readonly token: string | undefined;
  readonly nonceWindowMs: number;
  /** Where the gateway listens and the shard count it recommends. */
  readonly gateway: () => { url: string; shards: number };
  readonly messageEvent: (kind: 'create' | 'update' | 'delete', record: MessageRecord) => void;
  readonly changed: () => void;
}

const API_PREFIX = '/api/v10';

export class RestServer {
  readonly #server: Server;
  readonly #routes: RouteDef[];
  readonly #log: RequestRecord[] = [];
  /** Open client connections and requests being answered: the emulator is quiet when both are none. */
  readonly #sockets = new Set<Socket>();
  #answering = 0;
  #quietWaiters: (() => void)[] = [];
  #port = 0;

  constructor(private readonly env: RestEnvironment) {
    this.#routes = createRoutes(env);
    this.#server = createServer((req, res) => {
      this.#answering++;
      // A client that hangs up mid-body must not crash the test run.
      this.#handle(req, res)
        .catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        })
        .finally(() => {
          this.#answering--;
          this.#wakeIfQuiet();
        });
    });
    this.#server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => {
        this.#sockets.delete(socket);
        this.#wakeIfQuiet();
      });
    });
  }

  /**
   * Resolves once no client is connected and no request is being answered: everything a client
   * sent before it went away (a killed process, say) has arrived and been handled.
   */
  quiet(): Promise<void> {
    if (this.#isQuiet()) return Promise.resolve();
    return new Promise((resolve) => this.#quietWaiters.push(resolve));
  }

  #isQuiet(): boolean {
    return this.#sockets.size === 0 && this.#answering === 0;
  }

  #wakeIfQuiet(): void {
    if (!this.#isQuiet()) return;
    const waiters = this.#quietWaiters;
    this.#quietWaiters = [];
    for (const wake of waiters) wake();
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#server.address() as AddressInfo).port;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  log(): readonly RequestRecord[] {
    return this.#log;
  }

  /** Answers held by a `hang` lost-answer fault: never sent; the socket closes when the client gives up or at stop(). */
  readonly #held = new Set<ServerResponse>();

  #hold(res: ServerResponse): void {
    this.#held.add(res);
    res.once('close', () => this.#held.delete(res));
  }

  async close(): Promise<void> {
    for (const res of this.#held) res.socket?.destroy();
    // discord.js keeps connections alive: close them rather than wait for their timeout.
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (method === 'GET' && url.pathname.startsWith('/attachments/')) {
      const id = url.pathname.split('/')[3] ?? '';
      const file = this.env.messages.cdn.serves(url) ? this.env.messages.file(id) : undefined;
      if (!file)
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('This content is no longer available.');
      else res.writeHead(200, { 'Content-Type': file.contentType }).end(file.data);
      return;
    }

    const path = url.pathname.startsWith(`${API_PREFIX}/`)
      ? url.pathname.slice(API_PREFIX.length)
      : url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const authorization = req.headers.authorization;
    let body: RequestBody = { json: undefined, files: [] };
    let bodyError: ApiError | undefined;
    try {
      body = parseRequestBody(req.headers['content-type'], raw);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      bodyError = error;
    }
    const record = (
      route: string,
      status: number,
      response: unknown,
      extra: { fault?: string; rateLimited?: 'global' | 'route'; sharedScope?: boolean } = {},
    ): void => {
      this.#log.push({
        seq: this.#log.length + 1,
        at: Date.now(),
        method,
        path,
        route,
        query,
        status,
        body: body.json,
        files: body.files.map((f) => f.filename),
        authorization,
        fault: extra.fault,
        rateLimited: extra.rateLimited,
        invalid: (status === 401 || status === 403 || status === 429) && extra.sharedScope !== true,
        response,
      });
      this.env.changed();
    };
    const send = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
      if (json === undefined) {
        res.writeHead(status, headers).end();
      } else {
        res.writeHead(status, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(json));
      }
    };

    const match = url.pathname.startsWith(`${API_PREFIX}/`)
      ? matchRoute(this.#routes, method, path)
      : undefined;
    if (!match) {
      const error = apiErrors.notFound();
      send(error.status, error.body);
      record('(unknown)', error.status, error.body);
      return;
    }
    const { def, params } = match;
    const routeKey = `${def.method} ${def.template}`;

    if (def.auth) {
      const ok =
        authorization !== undefined &&
        authorization.startsWith('Bot ') &&
        (this.env.token === undefined || authorization === `Bot ${this.env.token}`);
      if (!ok) {
        const error = apiErrors.unauthorized();
        send(error.status, error.body);
        record(def.template, error.status, error.body);
        return;
      }
    }

    const now = Date.now();
    const exempt = typeof def.globalExempt === 'function' ? def.globalExempt(params) : def.globalExempt;
    if (!exempt) {
      const retryAfter = this.env.limiter.checkGlobal(now);
      if (retryAfter !== undefined) {
        const json = rateLimitBody(retryAfter, 'global');
        send(429, json, {
          'Retry-After': retryAfterHeader(retryAfter),
          'X-RateLimit-Global': 'true',
          'X-RateLimit-Scope': 'global',
        });
        record(def.template, 429, json, { rateLimited: 'global' });
        return;
      }
    }

    const fault = this.env.faults.pick({ method, path, route: def.template });
    if (fault && fault.type !== 'lost-answer') {
      const answer = faultAnswer(this.env.limiter, fault, routeKey, majorOf(def.template, params), now);
      if (answer.json === undefined) res.writeHead(answer.status, answer.headers).end(answer.text);
      else send(answer.status, answer.json, answer.headers);
      const sharedScope = fault.type === 'rate-limit' && fault.scope === 'shared';
      record(def.template, answer.status, answer.json, { fault: fault.type, sharedScope });
      return;
    }

    const take = this.env.limiter.take(routeKey, majorOf(def.template, params), now);
    if (take.retryAfter !== undefined) {
      const json = rateLimitBody(take.retryAfter, 'user');
      send(429, json, {
        ...take.headers,
        'Retry-After': retryAfterHeader(take.retryAfter),
        'X-RateLimit-Scope': 'user',
      });
      record(def.template, 429, json, { rateLimited: 'route' });
      return;
    }

    try {
      if (bodyError) throw bodyError;
      const result = def.handle({ params, query: url.searchParams, body });
      if (fault?.type === 'lost-answer') {
        if (fault.hang) this.#hold(res);
        else if (fault.disconnect) res.socket?.destroy();
        else res.writeHead(fault.status ?? 502, { 'Content-Type': 'text/plain' }).end('emulated lost answer');
        const lostStatus = fault.hang === true || fault.disconnect === true ? 0 : (fault.status ?? 502);
        record(def.template, lostStatus, result.body, {
          fault: fault.type,
        });
        return;
      }
      send(result.status, result.body, take.headers);
      record(def.template, result.status, result.body);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        const json = { code: 0, message: `500: emulator error: ${String(error)}` };
        send(500, json);
        record(def.template, 500, json);
        return;
      }
      send(error.status, error.body, take.headers);
      record(def.template, error.status, error.body);
    }
  }
}

/** Top-level resource a bucket is keyed by (rate-limits.mdx): channel, guild or webhook. */
function majorOf(template: string, params: Readonly<Record<string, string>>): string {
  if (params.channel_id !== undefined) return params.channel_id;
  if (params.guild_id !== undefined) return params.guild_id;
  if (params.webhook_id !== undefined) return `${params.webhook_id}:${params.webhook_token ?? ''}`;
  if (params.interaction_id !== undefined) return params.interaction_id;
  return template;
}
