/**
 * The gateway: a WebSocket server speaking Discord's JSON protocol
 * (developers/events/gateway.mdx, gateway-events.mdx): HELLO, IDENTIFY -> READY and
 * GUILD_CREATE, heartbeat ACKs, sequence numbers, RESUME with replay of missed
 * dispatches, INVALID_SESSION, RECONNECT, and the close codes clients act on. Each session gets
 * only its shard's guilds and their events (shards.ts).
 */

import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from 'discord.js';
import type { RawData } from 'ws';
import { WebSocket, WebSocketServer } from 'ws';

import type {
  GatewayDropOptions,
  GatewayHooks,
  GatewayOutage,
  GatewayPayloadRecord,
  GatewaySession,
  GatewayStats,
} from './gateway-types.ts';
import { asObject } from './messages.ts';
import { checkShard, dispatchGuildId, shardReceives } from './shards.ts';

interface Connection {
  readonly socket: WebSocket;
  session: GatewaySession | undefined;
}

const REPLAY_LIMIT = 1000;
const CLIENT_OPS_IGNORED = new Set<number>([
  GatewayOpcodes.PresenceUpdate,
  GatewayOpcodes.VoiceStateUpdate,
  GatewayOpcodes.RequestGuildMembers,
  GatewayOpcodes.RequestSoundboardSounds,
]);

export class GatewayServer {
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #sessions = new Map<string, GatewaySession>();
  readonly #payloads: GatewayPayloadRecord[] = [];
  #port = 0;
  #ackHeartbeats = true;
  #unreachable: GatewayOutage | undefined;
  readonly #heldSockets = new Set<Socket>();
  #stats = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    resumed: 0,
    invalidSessions: 0,
    heartbeats: 0,
    resumeUrlConnections: 0,
  };

  constructor(
    private readonly heartbeatIntervalMs: number,
    private readonly hooks: GatewayHooks,
  ) {
    this.#http = createServer((_req, res) => {
      res.writeHead(426, { 'Content-Type': 'text/plain' }).end('WebSocket only');
    });
    this.#wss = new WebSocketServer({ server: this.#http });
    this.#wss.on('connection', (socket, request) => this.#accept(socket, request));
    // While unreachable, a new connection is cut before the WebSocket handshake (ECONNRESET) or
    // held without an answer (a black-holed route: the client waits for its own timeout).
    this.#http.on('connection', (socket: Socket) => {
      if (this.#unreachable === 'refuse') socket.destroy();
      else if (this.#unreachable === 'black-hole') {
        this.#heldSockets.add(socket);
        socket.pause();
      }
    });
  }

  /**
   * `refuse` or `black-hole`: every session's connection is cut and new ones fail, as when the
   * gateway is down; undefined: reachable again (held connections are cut then).
   */
  setUnreachable(outage: GatewayOutage | undefined): void {
    this.#unreachable = outage;
    if (outage === undefined) {
      for (const socket of this.#heldSockets) socket.destroy();
      this.#heldSockets.clear();
      return;
    }
    for (const socket of this.#wss.clients) socket.terminate();
    this.hooks.changed();
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#http.address() as AddressInfo).port;
  }

  /** What `GET /gateway/bot` announces. */
  get url(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  /** What READY announces as `resume_gateway_url`: same server, distinct path, so tests can see it used. */
  get resumeUrl(): string {
    return `ws://127.0.0.1:${this.#port}/resume`;
  }

  stats(): GatewayStats {
    return { ...this.#stats };
  }

  /** Every payload clients sent (heartbeats included), oldest first. */
  payloads(): readonly GatewayPayloadRecord[] {
    return this.#payloads;
  }

  sessions(): readonly GatewaySession[] {
    return [...this.#sessions.values()];
  }

  /** Sessions that receive dispatches now or on resume. */
  liveSessions(): GatewaySession[] {
    return this.sessions().filter((s) => !s.invalidated);
  }

  /** Sessions with an open socket. */
  connectedSessions(): GatewaySession[] {
    return this.liveSessions().filter((s) => s.socket?.readyState === WebSocket.OPEN);
  }

  /** While off, heartbeats go unanswered and clients declare the connection a zombie. */
  setHeartbeatAcks(on: boolean): void {
    this.#ackHeartbeats = on;
  }

  /**
   * Sends a dispatch to every live session of the shard its guild lives on (shards.ts) that
   * `filter` accepts; a disconnected but resumable session keeps it for replay. Returns how many
   * sessions got it.
   */
  dispatch(t: string, d: unknown, filter: (session: GatewaySession) => boolean = () => true): number {
    const guildId = dispatchGuildId(t, d);
    let count = 0;
    for (const session of this.liveSessions()) {
      if (!shardReceives(session.shard, guildId) || !filter(session)) continue;
      this.#dispatchTo(session, t, d);
      count += 1;
    }
    this.hooks.changed();
    return count;
  }

  /** Drops every connected session's socket the chosen way. Returns how many were dropped. */
  drop(options: GatewayDropOptions = {}): number {
    const mode = options.mode ?? 'close';
    const resumable = options.resumable ?? true;
    const targets = this.connectedSessions().filter(
      (session) => options.shard === undefined || session.shard[0] === options.shard,
    );
    for (const session of targets) {
      const socket = session.socket;
      if (!socket) continue;
      if (!resumable) session.invalidated = true;
      switch (mode) {
        case 'close':
          socket.close(options.code ?? GatewayCloseCodes.UnknownError, 'Emulator dropped the connection');
          break;
        case 'terminate':
          socket.terminate();
          break;
        // After op 7 or op 9 Discord sends that connection no more dispatches: they wait for the
        // client's RESUME (on a new connection, or this one after op 9).
        case 'reconnect':
          this.#send(socket, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
          session.socket = undefined;
          break;
        case 'invalid-session':
          this.#stats.invalidSessions += 1;
          this.#send(socket, { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null });
          session.socket = undefined;
          break;
      }
    }
    this.hooks.changed();
    return targets.length;
  }

  async close(): Promise<void> {
    for (const socket of this.#heldSockets) socket.destroy();
    for (const socket of this.#wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  #accept(socket: WebSocket, request: IncomingMessage): void {
    this.#stats.connections += 1;
    const url = new URL(request.url ?? '/', 'ws://127.0.0.1');
    if (url.pathname === '/resume') this.#stats.resumeUrlConnections += 1;
    const connection: Connection = { socket, session: undefined };
    socket.on('message', (data, isBinary) => this.#receive(connection, data, isBinary));
    socket.on('close', (code) => this.#closed(connection, code));
    socket.on('error', () => undefined);
    // Only the JSON encoding is spoken; zlib transport compression would need zlib-sync on both ends.
    if (url.searchParams.get('encoding') !== null && url.searchParams.get('encoding') !== 'json') {
      socket.close(GatewayCloseCodes.DecodeError, 'Only encoding=json is emulated');
      return;
    }
    if (url.searchParams.has('compress')) {
      socket.close(GatewayCloseCodes.DecodeError, 'Transport compression is not emulated');
      return;
    }
    const version = url.searchParams.get('v');
    if (version !== null && version !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    this.#send(socket, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs },
      s: null,
      t: null,
    });
    this.hooks.changed();
  }

  #receive(connection: Connection, data: RawData, isBinary: boolean): void {
    const { socket } = connection;
    let payload: Record<string, unknown> | undefined;
    try {
      payload = isBinary ? undefined : asObject(JSON.parse(rawText(data)));
    } catch {
      payload = undefined;
    }
    if (!payload || typeof payload.op !== 'number') {
      socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload');
      return;
    }
    this.#payloads.push({ at: Date.now(), op: payload.op, d: payload.d });
    const d = asObject(payload.d);
    switch (payload.op as GatewayOpcodes) {
      case GatewayOpcodes.Heartbeat:
        this.#stats.heartbeats += 1;
        if (this.#ackHeartbeats) {
          this.#send(socket, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        }
        break;
      case GatewayOpcodes.Identify:
        this.#identify(connection, d);
        break;
      case GatewayOpcodes.Resume:
        this.#resume(connection, d);
        break;
      default:
        if (!CLIENT_OPS_IGNORED.has(payload.op)) {
          socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode');
        } else if (!connection.session) {
          socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated');
        }
    }
    this.hooks.changed();
  }

  #identify(connection: Connection, d: Record<string, unknown> | undefined): void {
    const { socket } = connection;
    if (connection.session) {
      socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
      return;
    }
    const token = typeof d?.token === 'string' ? d.token : '';
    if (this.hooks.token !== undefined && token !== this.hooks.token) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
      return;
    }
    if (typeof d?.intents !== 'number') {
      socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s)');
      return;
    }
    if (this.hooks.disallowedIntents(d.intents)) {
      socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const guilds = this.hooks.guildCreates();
    const checked = checkShard(
      d.shard,
      guilds.map((guild) => guild.id),
      this.hooks.maxGuildsPerShard,
    );
    if ('refused' in checked) {
      socket.close(checked.refused.code, checked.refused.reason);
      return;
    }
    const { shard } = checked;
    this.#stats.identifies += 1;
    // A new IDENTIFY for the same token and shard replaces the older session.
    for (const old of this.#sessions.values()) {
      if (old.token === token && old.shard[0] === shard[0] && old.shard[1] === shard[1]) {
        old.invalidated = true;
      }
    }
    const session: GatewaySession = {
      id: this.hooks.newSessionId(),
      token,
      shard,
      intents: d.intents,
      seq: 0,
      events: [],
      socket,
      invalidated: false,
    };
    this.#sessions.set(session.id, session);
    connection.session = session;
    this.#dispatchTo(session, GatewayDispatchEvents.Ready, this.hooks.readyData(session, this.resumeUrl));
    for (const guild of guilds) {
      if (shardReceives(shard, guild.id)) this.#dispatchTo(session, GatewayDispatchEvents.GuildCreate, guild);
    }
  }

  #resume(connection: Connection, d: Record<string, unknown> | undefined): void {
    const { socket } = connection;
    this.#stats.resumes += 1;
    const session = typeof d?.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    const seq = typeof d?.seq === 'number' ? d.seq : 0;
    if (!session || session.invalidated || session.token !== d?.token || seq > session.seq) {
      this.#stats.invalidSessions += 1;
      this.#send(socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    // A resumed session moves to the new socket; an older one still open is closed.
    if (session.socket && session.socket !== socket && session.socket.readyState === WebSocket.OPEN) {
      session.socket.close(GatewayCloseCodes.SessionTimedOut, 'Session resumed elsewhere');
    }
    session.socket = socket;
    connection.session = session;
    for (const event of session.events) {
      if (event.s > seq) {
        this.#send(socket, { op: GatewayOpcodes.Dispatch, t: event.t, s: event.s, d: event.d });
      }
    }
    this.#stats.resumed += 1;
    this.#dispatchTo(session, GatewayDispatchEvents.Resumed, null);
  }

  #closed(connection: Connection, code: number): void {
    const session = connection.session;
    if (session && session.socket === connection.socket) {
      session.socket = undefined;
      // Per the docs, a client closing with 1000 or 1001 ends its session.
      if (code === 1000 || code === 1001) session.invalidated = true;
    }
    this.hooks.changed();
  }

  #dispatchTo(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.events.length > REPLAY_LIMIT) session.events.shift();
    if (session.socket?.readyState === WebSocket.OPEN) {
      this.#send(session.socket, { op: GatewayOpcodes.Dispatch, t, s: event.s, d });
    }
  }

  #send(socket: WebSocket, payload: { op: number; d: unknown; s: number | null; t: string | null }): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
