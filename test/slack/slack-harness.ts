/**
 * Twinbridge with its real Slack adapter (the real Bolt app) against the local Slack emulator,
 * on a real test database, in HTTP or Socket Mode, with one bot token or OAuth installations.
 *
 *   const h = await SlackHarness.start({ mode: 'http', database, auth: 'token' });
 *   const answer = await h.command('town info', { userId });   // what the bot answered
 *   await h.drain();                                            // the outbox posts
 *   h.slack.messages(channelId);                                // what Slack shows
 *   await h.stop();
 */
import { createServer } from 'node:net';
import type { CustomRoute } from '@slack/bolt';
import { createLogger } from '../../src/logging.ts';
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackAdapterTuning,
} from '../../src/adapters/slack/slack-adapter.ts';
import type { SlackConfig } from '../../src/config.ts';
import type { CommandBus } from '../../src/core/commands/command-bus.ts';
import type { InboundPort } from '../../src/core/adapter-contract.ts';
import type { Metrics } from '../../src/core/metrics.ts';
import type {
  DeliveryWorker,
  DeliveryWorkerOptions,
  DrainResult,
} from '../../src/core/outbox/delivery-worker.ts';
import type { Database } from '../../src/db/open-database.ts';
import {
  PrismaSlackInstallationStore,
  prismaSlackStores,
} from '../../src/db/repositories/slack-repositories.ts';
import { TokenCipher } from '../../src/db/token-cipher.ts';
import { wireTwinbridge } from '../../src/main.ts';
import { TestClock } from '../console/console-harness.ts';
import { expectShownToChannel } from '../support/set-up-checks.ts';
import { LogCapture } from '../support/log-capture.ts';
import { ReplyRecordingInbound } from '../support/reply-recording-inbound.ts';
import {
  SlackEmulator,
  type ResponsePost,
  type SlackHttpBot,
  type WorkspaceInput,
} from '../emulators/slack/slack-emulator.ts';

export type SlackMode = 'http' | 'socket';
export const SLACK_MODES = ['http', 'socket'] as const satisfies readonly SlackMode[];

export interface SlackHarnessOptions {
  mode: SlackMode;
  database: Database;
  /** token: one workspace with SLACK_BOT_TOKEN; oauth: workspaces install through "Add to Slack". */
  auth: 'token' | 'oauth';
  /** Emulated workspaces (default one, T0001); with oauth they start uninstalled. */
  workspaces?: WorkspaceInput[];
  now?: string;
  tuning?: SlackAdapterTuning;
  /** The Web API base the bot uses, e.g. a fault-injecting proxy in front of the emulator. */
  apiUrl?: (emulator: SlackEmulator) => string;
  /** Seals installations at rest, as TWINBRIDGE_TOKEN_KEY does. */
  tokenKey?: Buffer;
  /** What the bus and the worker report to, and (HTTP mode) the routes served beside Slack's. */
  observe?: { metrics: Metrics; httpRoutes: readonly CustomRoute[] };
  /** The outbox's timer and wake-ups (a driven timer; wake-ups off so the test drains). */
  outbox?: Pick<DeliveryWorkerOptions, 'timer' | 'retryWakeHorizonMs'>;
}

/** Who acts where; defaults to the first workspace's seeded user in its #general. */
export interface As {
  teamId?: string;
  userId?: string;
  channelId?: string;
}

/** A free TCP port (for Socket Mode's install pages, which Bolt cannot open on port 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export class SlackHarness {
  private makeAdapter: () => SlackAdapter = () => this.adapter;
  /** Bolt apps started by restart(); the outbox keeps posting through the first adapter. */
  private readonly restarted: SlackAdapter[] = [];

  private constructor(
    readonly slack: SlackEmulator,
    readonly adapter: SlackAdapter,
    readonly bus: CommandBus,
    readonly worker: DeliveryWorker,
    readonly clock: TestClock,
    readonly mode: SlackMode,
    readonly config: SlackConfig,
    private readonly logs: LogCapture,
    private readonly inbound: ReplyRecordingInbound,
  ) {}

  /** Every line the adapter and the core logged so far. */
  get logLines(): readonly string[] {
    return this.logs.lines;
  }

  /** Resolves once `count` log lines contain `text`: for steps that show nowhere else. */
  logged(text: string, count = 1): Promise<void> {
    return this.logs.logged(text, count);
  }

  static async start(options: SlackHarnessOptions): Promise<SlackHarness> {
    const oauth = options.auth === 'oauth';
    const slack = await SlackEmulator.start({
      workspaces: (options.workspaces ?? [{ teamId: 'T0001' }]).map((w) => ({
        ...w,
        installed: w.installed ?? !oauth,
      })),
    });
    const clock = new TestClock(new Date(options.now ?? '2026-11-23T10:00:00Z'));
    const logs = new LogCapture();
    const config: SlackConfig = {
      mode: options.mode,
      botToken: oauth ? undefined : slack.workspace().botToken,
      oauth: oauth
        ? { clientId: slack.clientId, clientSecret: slack.clientSecret, stateSecret: 'harness-state-secret' }
        : undefined,
      signingSecret: options.mode === 'http' ? slack.signingSecret : undefined,
      appToken: options.mode === 'socket' ? slack.appToken : undefined,
      apiUrl: options.apiUrl ? options.apiUrl(slack) : slack.apiUrl,
      port: options.mode === 'http' ? 0 : oauth ? await freePort() : 0,
      host: '127.0.0.1',
      command: '/twin',
    };
    // The production logger (redaction included) at debug, with the secrets configured here.
    const logger = createLogger('debug', logs.stream, [
      config.botToken,
      config.appToken,
      config.signingSecret,
      config.oauth?.clientSecret,
      config.oauth?.stateSecret,
    ]);
    const installations = new PrismaSlackInstallationStore(
      options.database.prisma,
      options.tokenKey ? new TokenCipher(options.tokenKey) : undefined,
    );
    let adapter: SlackAdapter | undefined;
    const tuning = { clientPingTimeoutMs: 1000, ...options.tuning };
    let recording: ReplyRecordingInbound | undefined;
    const makeAdapter = (inbound: InboundPort) =>
      createSlackAdapter(config, inbound, prismaSlackStores(options.database.prisma, installations), logger, {
        clock,
        tuning,
        ...(options.observe ? { httpRoutes: options.observe.httpRoutes } : {}),
      });
    const { bus, worker } = wireTwinbridge({
      database: options.database,
      logger,
      clock,
      workerId: 'slack-test',
      ...(options.observe ? { metrics: options.observe.metrics } : {}),
      ...(options.outbox ? { outbox: options.outbox } : {}),
      adapters: (wiring) => {
        recording = new ReplyRecordingInbound(wiring.inbound);
        adapter = makeAdapter(recording);
        return [adapter];
      },
    });
    if (!adapter || !recording) throw new Error('the Slack adapter was not wired');
    try {
      await adapter.start();
      if (options.mode === 'socket') await slack.socket.waitForConnection(1);
    } catch (error) {
      await adapter.stop().catch(() => undefined);
      await slack.stop();
      throw error;
    }
    const harness = new SlackHarness(
      slack,
      adapter,
      bus,
      worker,
      clock,
      options.mode,
      config,
      logs,
      recording,
    );
    const replies = recording;
    harness.makeAdapter = () => makeAdapter(replies);
    // Members' messages reach the app where it listens (subscribed events only: slack.members).
    if (options.mode === 'http') slack.members.deliverTo(harness.eventsUrl);
    return harness;
  }

  /** The adapter receiving requests (a new one after restart()). */
  get receiving(): SlackAdapter {
    return this.restarted.at(-1) ?? this.adapter;
  }

  /** Stops the receiving Bolt app and starts a new adapter on the same database (a bot restart). */
  async restart(): Promise<void> {
    await this.receiving.stop();
    const hellos = this.slack.socket.helloCount;
    const next = this.makeAdapter();
    await next.start();
    this.restarted.push(next);
    if (this.mode === 'socket') await this.slack.socket.waitForConnection(hellos + 1);
    else this.slack.members.deliverTo(this.eventsUrl);
  }

  /** The events URL (HTTP mode). */
  get eventsUrl(): string {
    return `http://127.0.0.1:${this.receiving.connection.httpPort ?? 0}/slack/events`;
  }

  /** A signed-request sender (HTTP mode). */
  http(): SlackHttpBot {
    return this.slack.http(this.eventsUrl);
  }

  /** Where workspaces install the app: the events server (HTTP) or Socket Mode's install pages. */
  get installUrl(): string {
    const port = this.mode === 'http' ? this.receiving.connection.httpPort : this.config.port;
    return `http://127.0.0.1:${port ?? 0}/slack/install`;
  }

  async install(teamId: string): Promise<void> {
    const result = await this.slack.completeOAuthInstall({ installUrl: this.installUrl, teamId });
    if (result.status !== 200)
      throw new Error(`install of ${teamId} failed: ${result.status} ${result.body}`);
  }

  /** Runs `/twin <text>` and returns the bot's first answer to it (through the response_url). */
  async command(text: string, as: As = {}): Promise<ResponsePost> {
    const responseUrl = await this.sendCommand(text, as);
    return this.slack.waitForResponse(responseUrl);
  }

  /**
   * Runs `/twin <text>` as a set-up step that must succeed: throws with the answer when the core
   * refused it. (Shown in the channel or not: coordinators' confirmations are ephemeral.)
   */
  async done(text: string, as: As = {}, step = text): Promise<ResponsePost> {
    const before = this.inbound.replies.length;
    const answer = await this.command(text, as);
    const reply = this.inbound.replies.slice(before).at(-1);
    if (!reply || reply.error)
      throw new Error(`set-up: ${step} was refused; the bot answered:\n${answerText(answer)}`);
    return answer;
  }

  /** Sends `/twin <text>` and returns its response_url once Slack has the acknowledgement. */
  async sendCommand(text: string, as: As = {}): Promise<string> {
    const input = { command: '/twin', text, ...as };
    if (this.mode === 'http') {
      const delivery = await this.http().slashCommand(input);
      if (delivery.status !== 200) throw new Error(`/twin ${text}: HTTP ${delivery.status} ${delivery.body}`);
      return delivery.responseUrl ?? '';
    }
    const envelope = this.slack.socket.slashCommand(input);
    await envelope.waitForAck();
    return envelope.responseUrl ?? '';
  }

  /** Clicks a button on a message (the latest bot message in the channel unless `messageTs`). */
  async click(actionId: string, as: As & { messageTs?: string } = {}): Promise<ResponsePost[]> {
    const before = this.slack.responses().length;
    let responseUrl: string | undefined;
    if (this.mode === 'http') {
      const delivery = await this.http().blockAction({ actionId, ...as });
      if (delivery.status !== 200) throw new Error(`click ${actionId}: HTTP ${delivery.status}`);
      responseUrl = delivery.responseUrl;
    } else {
      const envelope = this.slack.socket.blockAction({ actionId, ...as });
      await envelope.waitForAck();
      responseUrl = envelope.responseUrl;
    }
    await this.slack.waitFor(
      () => (this.slack.responses().length > before ? true : undefined),
      5000,
      `an answer to the click on ${actionId}`,
    );
    return this.slack.responses(responseUrl);
  }

  /** Submits a stored modal; returns the acknowledgement's body (response_action …). */
  async submitView(
    viewId: string,
    values: Record<string, Record<string, unknown>>,
    as: As = {},
  ): Promise<unknown> {
    const input = {
      viewId,
      values: values as Record<string, Record<string, string | ({ type: string } & Record<string, unknown>)>>,
      ...(as.teamId ? { teamId: as.teamId } : {}),
      ...(as.userId ? { userId: as.userId } : {}),
    };
    if (this.mode === 'http') {
      const delivery = await this.http().viewSubmission(input);
      if (delivery.status !== 200) throw new Error(`view submission: HTTP ${delivery.status}`);
      return delivery.json;
    }
    const ack = await this.slack.socket.viewSubmission(input).waitForAck();
    return ack.payload;
  }

  /** Posts everything due in the outbox, as the worker would after a command. */
  drain(): Promise<DrainResult> {
    return this.worker.drainDue();
  }

  async stop(): Promise<void> {
    // Posts still under way finish first; then the app (a Socket Mode client whose server
    // vanishes would try to reconnect), then the emulator.
    await this.worker.drainDue().catch(() => undefined);
    for (const adapter of this.restarted) await adapter.stop();
    await this.adapter.stop();
    await this.slack.stop();
  }
}

/** Throws with the answer unless the channel saw it (refusals are ephemeral): for set-up steps. */
export function shownInChannel(post: ResponsePost, step: string): ResponsePost {
  expectShownToChannel(post.body['response_type'] === 'in_channel', answerText(post), step);
  return post;
}

/** Text of an answer posted to a response_url. */
export function answerText(post: ResponsePost): string {
  return typeof post.body['text'] === 'string' ? post.body['text'] : '';
}

/** Slack's escaping undone, to compare with the core's plain texts. */
export function unescaped(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
