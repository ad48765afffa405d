/**
 * The REST side: route table for the endpoints the bot uses, and the request pipeline
 * Discord applies in order — authentication, global limit, (injected faults), route
 * bucket, body validation, handler — with `X-RateLimit-*` headers on every answer.
 */

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { ChannelType, PermissionFlagsBits } from 'discord.js';

import type { CommandStore } from './commands.ts';
import type { Fault, FaultInjector } from './faults.ts';
import type { RequestBody, RestResult } from './http-body.ts';
import { ApiError, apiErrors, parseRequestBody } from './http-body.ts';
import type { PrivilegedIntents } from './intents.ts';
import { applicationFlags } from './intents.ts';
import type { InteractionRegistry } from './interactions.ts';
import type { ChannelActivity } from './member-actions.ts';
import type { MessageRecord, MessageStore } from './messages.ts';
import { asObject } from './messages.ts';
import type { RateLimiter, RateLimitScope } from './rate-limits.ts';
import { rateLimitBody, retryAfterHeader } from './rate-limits.ts';
import { relayRoutes } from './relay-routes.ts';
import type { ChannelRecord, DiscordState } from './state.ts';
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

interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: RequestBody;
}

interface RouteDef {
  readonly method: string;
  readonly template: string;
  /** Interaction endpoints authenticate with the token in the path, not a header. */
  readonly auth: boolean;
  /** Interaction endpoints are exempt from the global limit (rate-limits.mdx). */
  readonly globalExempt: boolean | ((params: Readonly<Record<string, string>>) => boolean);
  readonly handle: (request: RouteRequest) => RestResult;
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

    const match = url.pathname.startsWith(`${API_PREFIX}/`) ? this.#match(method, path) : undefined;
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
      const answer = this.#faultAnswer(fault, routeKey, majorOf(def.template, params), now);
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

  #match(method: string, path: string): { def: RouteDef; params: Record<string, string> } | undefined {
    const segments = path.split('/').slice(1).map(decodeURIComponent);
    for (const def of this.#routes) {
      if (def.method !== method) continue;
      const parts = def.template.split('/').slice(1);
      if (parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const ok = parts.every((part, i) => {
        const segment = segments[i] ?? '';
        if (part.startsWith(':')) {
          params[part.slice(1)] = segment;
          return true;
        }
        return part === segment;
      });
      if (ok) return { def, params };
    }
    return undefined;
  }

  #faultAnswer(
    fault: Fault,
    routeKey: string,
    major: string,
    now: number,
  ): { status: number; json: unknown; text?: string; headers: Record<string, string> } {
    switch (fault.type) {
      case 'rate-limit': {
        const retryAfter = fault.retryAfter ?? 1;
        const scope: RateLimitScope = fault.scope ?? 'user';
        const retry = { 'Retry-After': retryAfterHeader(retryAfter), 'X-RateLimit-Scope': scope };
        if (scope === 'global') {
          return {
            status: 429,
            json: rateLimitBody(retryAfter, scope),
            headers: { ...retry, 'X-RateLimit-Global': 'true' },
          };
        }
        // A user-scope 429 reports the bucket as exhausted until retry_after; a shared one does not.
        const bucket =
          scope === 'user'
            ? this.env.limiter.exhaustedHeaders(routeKey, retryAfter, now)
            : this.env.limiter.take(routeKey, major, now).headers;
        return { status: 429, json: rateLimitBody(retryAfter, scope), headers: { ...bucket, ...retry } };
      }
      case 'missing-access': {
        const error = apiErrors.missingAccess();
        return { status: error.status, json: error.body, headers: {} };
      }
      case 'missing-permissions': {
        const error = apiErrors.missingPermissions();
        return { status: error.status, json: error.body, headers: {} };
      }
      case 'server-error': {
        const status = fault.status ?? 500;
        return {
          status,
          json: undefined,
          text: `${status} emulated server error`,
          headers: { 'Content-Type': 'text/plain' },
        };
      }
      case 'lost-answer':
        throw new Error('a lost answer is given after the request is carried out');
      case 'error':
        return {
          status: fault.status,
          json: { code: fault.code ?? 0, message: fault.message ?? `${fault.status}: emulated error` },
          headers: {},
        };
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

function createRoutes(env: RestEnvironment): RouteDef[] {
  const { state, messages, commands, interactions } = env;
  const ok = (body: unknown): RestResult => ({ status: 200, body });
  const noContent: RestResult = { status: 204 };
  const route = (
    method: string,
    template: string,
    handle: (request: RouteRequest) => RestResult,
    options: { auth?: boolean; globalExempt?: RouteDef['globalExempt'] } = {},
  ): RouteDef => ({
    method,
    template,
    handle,
    auth: options.auth ?? true,
    globalExempt: options.globalExempt ?? false,
  });
  const interactionRoute = { auth: false, globalExempt: true };
  // Webhook routes authenticate with the token in the path; only the interaction webhook is exempt from the global limit.
  const channelWebhookRoute = {
    auth: false,
    globalExempt: (params: Readonly<Record<string, string>>) => params.webhook_id === env.applicationId,
  };

  /** A channel the bot can see; unknown -> 10003, hidden -> 50001. */
  const visibleChannel = (id: string | undefined): ChannelRecord => {
    const channel = id === undefined ? undefined : state.channels.get(id);
    if (!channel) throw apiErrors.unknownChannel();
    if (channel.access === 'no-access') throw apiErrors.missingAccess();
    return channel;
  };
  const channelMessage = (channel: ChannelRecord, id: string | undefined): MessageRecord => {
    const record = id === undefined ? undefined : messages.get(id);
    if (!record || record.channelId !== channel.id || record.ephemeral) throw apiErrors.unknownMessage();
    return record;
  };
  const application = (id: string | undefined): void => {
    if (id !== env.applicationId) throw apiErrors.unknownApplication();
  };
  const commandGuild = (id: string | undefined): string => {
    // Discord answers Missing Access when the app is not in the guild with applications.commands.
    if (id === undefined || !state.guilds.has(id)) throw apiErrors.missingAccess();
    return id;
  };
  const jsonObject = (body: RequestBody): Record<string, unknown> => asObject(body.json) ?? {};

  return [
    route('GET', '/gateway/bot', () =>
      ok({
        ...env.gateway(),
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      }),
    ),
    route('GET', '/gateway', () => ok({ url: env.gateway().url }), { auth: false }),
    route('GET', '/users/@me', () => ok(state.apiUser(state.bot))),
    route('POST', '/users/@me/channels', ({ body }) => {
      const recipient = jsonObject(body).recipient_id;
      const user = typeof recipient === 'string' ? state.users.get(recipient) : undefined;
      if (!user || user.bot) throw apiErrors.unknownUser();
      return ok(state.apiChannel(state.dmChannel(user.id)));
    }),
    route('GET', '/users/:user_id', ({ params }) => {
      const user = state.users.get(params.user_id ?? '');
      if (!user) throw apiErrors.unknownUser();
      return ok(state.apiUser(user));
    }),
    route('GET', '/applications/@me', () =>
      ok({
        id: env.applicationId,
        name: state.bot.username,
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: applicationFlags(env.privileged),
        bot: state.apiUser(state.bot),
      }),
    ),

    route('GET', '/applications/:application_id/commands', ({ params }) => {
      application(params.application_id);
      return ok(commands.list(null));
    }),
    route('PUT', '/applications/:application_id/commands', ({ params, body }) => {
      application(params.application_id);
      return ok(commands.overwrite(null, body.json));
    }),
    route('POST', '/applications/:application_id/commands', ({ params, body }) => {
      application(params.application_id);
      const { command, created } = commands.upsert(null, body.json);
      return { status: created ? 201 : 200, body: command };
    }),
    route('DELETE', '/applications/:application_id/commands/:command_id', ({ params }) => {
      application(params.application_id);
      if (!commands.remove(null, params.command_id ?? '')) throw apiErrors.unknownCommand();
      return noContent;
    }),
    route('GET', '/applications/:application_id/guilds/:guild_id/commands', ({ params }) => {
      application(params.application_id);
      return ok(commands.list(commandGuild(params.guild_id)));
    }),
    route('PUT', '/applications/:application_id/guilds/:guild_id/commands', ({ params, body }) => {
      application(params.application_id);
      return ok(commands.overwrite(commandGuild(params.guild_id), body.json));
    }),
    route('POST', '/applications/:application_id/guilds/:guild_id/commands', ({ params, body }) => {
      application(params.application_id);
      const { command, created } = commands.upsert(commandGuild(params.guild_id), body.json);
      return { status: created ? 201 : 200, body: command };
    }),
    route('DELETE', '/applications/:application_id/guilds/:guild_id/commands/:command_id', ({ params }) => {
      application(params.application_id);
      if (!commands.remove(commandGuild(params.guild_id), params.command_id ?? '')) {
        throw apiErrors.unknownCommand();
      }
      return noContent;
    }),

    route('GET', '/channels/:channel_id', ({ params }) =>
      ok(state.apiChannel(visibleChannel(params.channel_id))),
    ),
    route('POST', '/channels/:channel_id/messages', ({ params, body }) => {
      const channel = visibleChannel(params.channel_id);
      if (channel.type === ChannelType.GuildCategory) throw apiErrors.nonTextChannel();
      if (channel.type === ChannelType.DM) {
        const recipient = channel.recipientId === null ? undefined : state.users.get(channel.recipientId);
        if (recipient?.dmsClosed) throw apiErrors.cannotMessageUser();
      } else if (channel.access === 'read-only') {
        throw apiErrors.missingPermissions();
      }
      const json = jsonObject(body);
      // enforce_nonce: the same nonce from the same author in the same channel returns the earlier message.
      if (json.enforce_nonce === true && (typeof json.nonce === 'string' || typeof json.nonce === 'number')) {
        const earlier = messages.findByNonce(channel.id, state.bot.id, String(json.nonce), env.nonceWindowMs);
        if (earlier) return ok(earlier.message);
      }
      const created = messages.create({ channel, author: state.bot, body: json, files: body.files });
      env.messageEvent('create', created);
      return ok(created.message);
    }),
    route('PATCH', '/channels/:channel_id/messages/:message_id', ({ params, body }) => {
      const channel = visibleChannel(params.channel_id);
      const record = channelMessage(channel, params.message_id);
      if (record.authorId !== state.bot.id) throw apiErrors.notAuthor();
      const edited = messages.edit(record, jsonObject(body), body.files);
      env.messageEvent('update', edited);
      return ok(edited.message);
    }),
    route('DELETE', '/channels/:channel_id/messages/:message_id', ({ params }) => {
      const channel = visibleChannel(params.channel_id);
      const record = channelMessage(channel, params.message_id);
      if (record.authorId !== state.bot.id && channel.guildId !== null) {
        const guild = state.guilds.get(channel.guildId);
        const perms = guild ? state.permissions(guild, state.bot.id, channel) : 0n;
        if ((perms & PermissionFlagsBits.ManageMessages) === 0n) throw apiErrors.missingPermissions();
      }
      record.deleted = true;
      env.messageEvent('delete', record);
      return noContent;
    }),
    ...relayRoutes({
      state,
      messages,
      webhooks: env.webhooks,
      activity: env.activity,
      privileged: env.privileged,
      visibleChannel,
      channelMessage,
    }).map((r) => route(r.method, r.template, r.handle)),
    route('POST', '/channels/:channel_id/typing', ({ params }) => {
      visibleChannel(params.channel_id);
      return noContent;
    }),

    route('GET', '/guilds/:guild_id', ({ params }) => {
      const guild = state.guilds.get(params.guild_id ?? '');
      if (!guild) throw apiErrors.unknownGuild();
      const {
        channels: _c,
        members: _m,
        threads: _t,
        presences: _p,
        voice_states: _v,
        ...rest
      } = state.guildCreate(guild);
      return ok(rest);
    }),
    route('GET', '/guilds/:guild_id/channels', ({ params }) => {
      const guild = state.guilds.get(params.guild_id ?? '');
      if (!guild) throw apiErrors.unknownGuild();
      return ok(
        guild.channelIds.flatMap((id) => {
          const channel = state.channels.get(id);
          return channel ? [state.apiChannel(channel)] : [];
        }),
      );
    }),
    route('GET', '/guilds/:guild_id/roles', ({ params }) => {
      const guild = state.guilds.get(params.guild_id ?? '');
      if (!guild) throw apiErrors.unknownGuild();
      return ok(
        guild.roleIds.flatMap((id) => {
          const role = state.roles.get(id);
          return role ? [state.apiRole(role)] : [];
        }),
      );
    }),
    route('GET', '/guilds/:guild_id/members/:user_id', ({ params }) => {
      const guild = state.guilds.get(params.guild_id ?? '');
      if (!guild) throw apiErrors.unknownGuild();
      if (!guild.members.has(params.user_id ?? '')) throw apiErrors.unknownMember();
      return ok(state.apiMember(guild, params.user_id ?? ''));
    }),

    route(
      'POST',
      '/interactions/:interaction_id/:interaction_token/callback',
      ({ params, body, query }) =>
        interactions.callback(
          params.interaction_id ?? '',
          params.interaction_token ?? '',
          body.json,
          body.files,
          query.get('with_response') === 'true',
        ),
      interactionRoute,
    ),
    // The application's id names the interaction webhook; any other id a channel webhook.
    route(
      'POST',
      '/webhooks/:webhook_id/:webhook_token',
      ({ params, body, query }) =>
        params.webhook_id === env.applicationId
          ? interactions.webhook(
              'POST',
              env.applicationId,
              params.webhook_token ?? '',
              undefined,
              body.json,
              body.files,
            )
          : env.webhooks.execute(
              env.webhooks.authorize(params.webhook_id ?? '', params.webhook_token ?? ''),
              query,
              jsonObject(body),
              body.files,
            ),
      channelWebhookRoute,
    ),
    ...(['GET', 'PATCH', 'DELETE'] as const).map((method) =>
      route(
        method,
        '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
        ({ params, body, query }) =>
          params.webhook_id === env.applicationId
            ? interactions.webhook(
                method,
                env.applicationId,
                params.webhook_token ?? '',
                params.message_id,
                body.json,
                body.files,
              )
            : env.webhooks.message(
                method,
                env.webhooks.authorize(params.webhook_id ?? '', params.webhook_token ?? ''),
                params.message_id ?? '',
                query,
                jsonObject(body),
                body.files,
              ),
        channelWebhookRoute,
      ),
    ),
  ];
}
