// Socket Mode over a local WebSocket (docs.slack.dev/apis/events-api/using-socket-mode):
// apps.connections.open hands out a single-use ws:// URL, the server greets with
// `hello`, then pushes envelopes `{envelope_id, type, payload, accepts_response_payload,
// retry_attempt, retry_reason}` and records the app's acks `{envelope_id, payload}`.
// Tests can drop connections and re-deliver unacknowledged envelopes.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocket, WebSocketServer } from 'ws';

import type {
  Actor,
  BlockActionInput,
  EventInput,
  Interactions,
  SlashCommandInput,
  ViewSubmissionInput,
} from './interactions.ts';
import type { Waiters } from './wait.ts';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface EnvelopeOptions {
  /** Default true for slash_commands/interactive, false for events_api (as Slack sends them). */
  acceptsResponsePayload?: boolean;
  /** Default 0; Slack counts re-deliveries of unacknowledged events here. */
  retryAttempt?: number;
  /** Default '' (first delivery). */
  retryReason?: string;
}

export interface SocketAck {
  readonly envelopeId: string;
  /** The `payload` of the ack (`{}` for a bare ack()), undefined if the app sent none. */
  readonly payload: Record<string, unknown> | undefined;
  readonly connectionId: number;
}

/** One envelope sent over a socket (or held back because none was open). */
export interface SentEnvelope {
  readonly envelopeId: string;
  readonly type: EnvelopeType;
  readonly payload: Record<string, unknown>;
  readonly retryAttempt: number;
  /** False for an event that happened while no connection was open: resendUnacked() delivers it. */
  readonly delivered: boolean;
  /** The connection it went out on; 0 when not delivered. */
  readonly connectionId: number;
  /** Set for slash commands and block actions on messages. */
  readonly responseUrl: string | undefined;
  readonly triggerId: string | undefined;
  /** Set for events_api envelopes (unchanged across re-deliveries). */
  readonly eventId: string | undefined;
  /** Resolves with the app's ack; rejects after `timeoutMs` (default 5000). */
  waitForAck(timeoutMs?: number): Promise<SocketAck>;
  /** The ack received so far, if any. */
  readonly ack: SocketAck | undefined;
}

export type DropMode =
  /** Abrupt: the TCP connection dies without a close frame (network loss). */
  | 'terminate'
  /** WebSocket close frame 1001 from the server. */
  | 'close'
  /** Slack's `{"type":"disconnect","reason":"refresh_requested"}`: the client closes and reconnects. */
  | 'disconnect';

interface SocketContext {
  readonly appId: string;
  readonly interactions: Interactions;
  readonly waiters: Waiters;
  /** `ws://127.0.0.1:PORT`, known once the HTTP server listens. */
  readonly wsBase: () => string;
}

interface AckSlot {
  ack: SocketAck | undefined;
}

export class SocketModeServer {
  /** Every envelope sent, in order. */
  readonly envelopes: SentEnvelope[] = [];
  /** Every ack received, in order, including acks for unknown envelope ids. */
  readonly acks: SocketAck[] = [];
  /** Messages from the app that were not acks (the protocol has none). */
  readonly strayMessages: unknown[] = [];
  /** Connections greeted with `hello` since start (reconnects increase it). */
  helloCount = 0;

  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly sockets = new Map<number, WebSocket>();
  private readonly byId = new Map<string, AckSlot>();
  private nextConnectionId = 1;

  /** While set, Socket Mode is down: new connections are cut before the handshake. */
  refusing = false;

  constructor(private readonly ctx: SocketContext) {}

  /** Number of currently open connections. */
  get openConnections(): number {
    return this.sockets.size;
  }

  /** Called by apps.connections.open: each URL admits one connection. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.ctx.wsBase()}/link/?ticket=${ticket}&app_id=${this.ctx.appId}`;
  }

  /** HTTP upgrade handler; returns false when the request is not for Socket Mode. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname !== '/link/') return false;
    if (this.refusing) {
      socket.destroy();
      return true;
    }
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    return true;
  }

  /** Waits until `count` connections have been greeted in total and one is open. */
  async waitForConnection(count = 1, timeoutMs = 10_000): Promise<void> {
    await this.ctx.waiters.waitFor(
      () => (this.helloCount >= count && this.sockets.size > 0 ? true : undefined),
      timeoutMs,
      `Socket Mode connection #${count}`,
    );
  }

  /**
   * Sends a raw envelope over the newest open connection. With no connection open, an
   * events_api envelope is kept undelivered (Slack retries those later); other types throw,
   * as Slack shows the user an error instead.
   */
  send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: EnvelopeOptions = {},
    extra: {
      responseUrl?: string | undefined;
      triggerId?: string | undefined;
      eventId?: string | undefined;
    } = {},
  ): SentEnvelope {
    const entry = [...this.sockets.entries()].at(-1);
    if (entry === undefined && type !== 'events_api') {
      throw new Error('Slack emulator: no open Socket Mode connection');
    }
    const envelopeId = randomUUID();
    const retryAttempt = options.retryAttempt ?? 0;
    entry?.[1].send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: options.acceptsResponsePayload ?? type !== 'events_api',
        retry_attempt: retryAttempt,
        retry_reason: options.retryReason ?? '',
      }),
    );
    const slot: AckSlot = { ack: undefined };
    const waiters = this.ctx.waiters;
    const sent: SentEnvelope = {
      envelopeId,
      type,
      payload,
      retryAttempt,
      delivered: entry !== undefined,
      connectionId: entry?.[0] ?? 0,
      responseUrl: extra.responseUrl,
      triggerId: extra.triggerId,
      eventId: extra.eventId,
      get ack() {
        return slot.ack;
      },
      waitForAck: (timeoutMs = 5000) =>
        waiters.waitFor(() => slot.ack, timeoutMs, `ack of envelope ${envelopeId}`),
    };
    this.byId.set(envelopeId, slot);
    this.envelopes.push(sent);
    return sent;
  }

  slashCommand(input: SlashCommandInput, options: EnvelopeOptions = {}): SentEnvelope {
    const built = this.ctx.interactions.slashCommand(input);
    return this.send('slash_commands', built.payload, options, built);
  }

  blockAction(input: BlockActionInput, options: EnvelopeOptions = {}): SentEnvelope {
    const built = this.ctx.interactions.blockAction(input);
    return this.send('interactive', built.payload, options, built);
  }

  viewSubmission(input: ViewSubmissionInput, options: EnvelopeOptions = {}): SentEnvelope {
    const built = this.ctx.interactions.viewSubmission(input);
    return this.send('interactive', built.payload, options, built);
  }

  event(input: EventInput, options: EnvelopeOptions = {}): SentEnvelope {
    const built = this.ctx.interactions.event(input);
    return this.send('events_api', built.payload, options, { eventId: built.eventId });
  }

  appMention(
    input: Actor & { text: string; threadTs?: string; eventId?: string },
    options: EnvelopeOptions = {},
  ): SentEnvelope {
    const built = this.ctx.interactions.appMention(input);
    return this.send('events_api', built.payload, options, { eventId: built.eventId });
  }

  /**
   * Re-delivers an envelope's payload in a new envelope with retry_attempt + 1, as Slack
   * does for events the app did not acknowledge (the event_id inside stays the same).
   */
  resend(envelope: SentEnvelope, retryReason = 'timeout'): SentEnvelope {
    return this.send(
      envelope.type,
      envelope.payload,
      { retryAttempt: envelope.retryAttempt + 1, retryReason },
      { responseUrl: envelope.responseUrl, triggerId: envelope.triggerId, eventId: envelope.eventId },
    );
  }

  /**
   * Re-delivers (retry_attempt + 1) the latest envelope of every event that was never
   * acknowledged, including events held back while no connection was open.
   */
  resendUnacked(retryReason = 'timeout'): SentEnvelope[] {
    const ackedEvents = new Set(this.envelopes.filter((e) => e.ack !== undefined).map((e) => e.eventId));
    const latest = new Map<string, SentEnvelope>();
    for (const envelope of this.envelopes) {
      if (envelope.type === 'events_api' && envelope.eventId !== undefined)
        latest.set(envelope.eventId, envelope);
    }
    return [...latest.values()]
      .filter((e) => !ackedEvents.has(e.eventId))
      .map((e) => this.resend(e, retryReason));
  }

  /** Drops every open connection; returns how many were dropped. */
  drop(mode: DropMode = 'terminate'): number {
    const sockets = [...this.sockets.values()];
    for (const ws of sockets) {
      if (mode === 'terminate') ws.terminate();
      else if (mode === 'close') ws.close(1001, 'going away');
      else
        ws.send(
          JSON.stringify({
            type: 'disconnect',
            reason: 'refresh_requested',
            debug_info: { host: 'emulator' },
          }),
        );
    }
    if (mode === 'terminate') this.sockets.clear();
    this.ctx.waiters.notify();
    return sockets.length;
  }

  /** Closes every connection; a close frame first, so a client shutting down gets a clean close. */
  async close(): Promise<void> {
    const sockets = [...this.wss.clients];
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => {
              ws.terminate();
              resolve();
            }, 200);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            ws.close(1001, 'emulator stopping');
          }),
      ),
    );
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    const connectionId = this.nextConnectionId++;
    this.sockets.set(connectionId, ws);
    ws.on('message', (data, isBinary) => this.onMessage(connectionId, data, isBinary));
    ws.on('close', () => {
      this.sockets.delete(connectionId);
      this.ctx.waiters.notify();
    });
    ws.on('error', () => ws.terminate());
    this.helloCount += 1;
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'applink-emulator', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.ctx.appId },
      }),
    );
    this.ctx.waiters.notify();
  }

  private onMessage(connectionId: number, data: WebSocket.RawData, isBinary: boolean): void {
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(rawToString(data));
    } catch {
      message = undefined;
    }
    const envelopeId =
      typeof message === 'object' && message !== null
        ? (message as Record<string, unknown>)['envelope_id']
        : undefined;
    if (typeof envelopeId !== 'string') {
      this.strayMessages.push(message ?? rawToString(data));
      return;
    }
    const payload = (message as Record<string, unknown>)['payload'];
    const ack: SocketAck = {
      envelopeId,
      payload:
        typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined,
      connectionId,
    };
    this.acks.push(ack);
    const slot = this.byId.get(envelopeId);
    if (slot !== undefined && slot.ack === undefined) slot.ack = ack;
    this.ctx.waiters.notify();
  }
}

function rawToString(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
