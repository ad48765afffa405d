/**
 * A Web API front for the Slack emulator that adds the one fault the emulator cannot make:
 * Slack posts the message but the answer never reaches the bot (a timeout after the fact).
 * It forwards every call to the emulator; for the next `loseAnswers` chat.postMessage calls it
 * answers 504 after the emulator stored the message. It also serves conversations.history from
 * the emulator's messages (with their metadata), which the poster reads to find such a post,
 * and answers the next `failHistory` of those lookups 503.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SlackEmulator } from '../emulators/slack/slack-emulator.ts';

export class LostAnswerProxy {
  /** How many more chat.postMessage answers to lose. */
  loseAnswers = 0;
  /** How many more conversations.history calls to answer HTTP 503. */
  failHistory = 0;
  readonly historyCalls: Record<string, string>[] = [];

  private emulator: SlackEmulator | undefined;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<LostAnswerProxy> {
    const server = createServer();
    const proxy = new LostAnswerProxy(server);
    server.on('request', (req, res) => {
      proxy.handle(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** Puts the proxy in front of this emulator; returns the proxy's Web API base. */
  attach(emulator: SlackEmulator): string {
    this.emulator = emulator;
    return this.apiUrl;
  }

  private get slack(): SlackEmulator {
    if (!this.emulator) throw new Error('the proxy is not attached to an emulator');
    return this.emulator;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    if (method === 'conversations.history') return this.history(new URLSearchParams(body));
    const forwarded = await fetch(`${this.slack.apiUrl}${method}`, {
      method: 'POST',
      headers: {
        'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      },
      body,
    });
    const text = await forwarded.text();
    if (method === 'chat.postMessage' && this.loseAnswers > 0) {
      this.loseAnswers -= 1;
      return { status: 504, headers: { 'content-type': 'text/plain' }, body: 'gateway timeout' };
    }
    const headers: Record<string, string> = {
      'content-type': forwarded.headers.get('content-type') ?? 'application/json',
    };
    const retryAfter = forwarded.headers.get('retry-after');
    if (retryAfter) headers['retry-after'] = retryAfter;
    return { status: forwarded.status, headers, body: text };
  }

  /** Newest first, as Slack answers, without thread replies (conversations.replies has those). */
  private history(args: URLSearchParams): { status: number; headers: Record<string, string>; body: string } {
    this.historyCalls.push(Object.fromEntries(args));
    if (this.failHistory > 0) {
      this.failHistory -= 1;
      return { status: 503, headers: { 'content-type': 'text/plain' }, body: 'service unavailable' };
    }
    const channel = args.get('channel') ?? '';
    const oldest = Number(args.get('oldest') ?? '0');
    const messages = this.slack
      .messages(channel)
      .filter((m) => Number(m.ts) > oldest && (m.threadTs === undefined || m.threadTs === m.ts))
      .reverse()
      .map((m) => ({
        type: 'message',
        ts: m.ts,
        text: m.text,
        bot_id: m.botId,
        ...(args.get('include_all_metadata') === 'true' && m.args['metadata'] !== undefined
          ? { metadata: m.args['metadata'] }
          : {}),
      }));
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ok: true, messages, has_more: false }),
    };
  }
}
