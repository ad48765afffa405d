/**
 * The Slack connection: Bolt's App with its receiver, for one workspace (bot token) or several
 * (OAuth installation, tokens in the database), in HTTP mode (signed requests, the receiver's
 * signature check on, GET /healthz) or Socket Mode (app-level token; Bolt's client reconnects).
 *
 * The App exists from construction so the router can register its listeners on it; start()
 * learns which workspace a bot token belongs to (auth.test), then listens or connects.
 */
import type { Server } from 'node:http';
import {
  App,
  HTTPReceiver,
  SocketModeReceiver,
  webApi,
  type AuthorizeResult,
  type CustomRoute,
  type Logger as BoltLogger,
  type Receiver,
} from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import type { ConnectionState } from '../../core/adapter-contract.ts';
import { OutageLog } from '../shared/outage-log.ts';
import type { Logger } from '../../core/ports.ts';
import { boltLogger } from './bolt-logger.ts';
import { SLACK_BOT_SCOPES, SLACK_PATHS } from './manifest.ts';
import type { SlackInstallationStore, WorkspaceClients } from './slack-ports.ts';
import { SlackWorkspaces } from './slack-workspaces.ts';

/** What the adapter needs of a connection; tests hand in a fake (a fake Bolt receiver). */
export interface SlackConnection {
  /** The Bolt app; the router registers its listeners on it before start(). */
  readonly app: App;
  /** The bot client per workspace, for posting; usable before start() ("not connected"). */
  readonly workspaces: WorkspaceClients;
  /** HTTP mode, once started: the port Slack's requests arrive at (useful with port 0). */
  readonly httpPort: number | undefined;
  /** HTTP mode: listening; Socket Mode: the socket's state. */
  readonly state: ConnectionState;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Knobs for tests and unusual deployments; production uses the defaults. */
export interface SlackConnectionTuning {
  /** HTTP mode: send the HTTP answer only once listeners finished (default false: ack, then work). */
  processBeforeResponse?: boolean;
  /** Socket Mode: reconnect after this long without a pong (Bolt's default 5000 ms). */
  clientPingTimeoutMs?: number;
  /** Retries of interactive Web API calls (views.open, chat.update, …); default 2. */
  webApiRetries?: number;
}

type BotIdentity = Pick<AuthorizeResult, 'botToken' | 'botId' | 'botUserId'>;

/** How far ahead of this machine's clock a Slack request may be dated (Bolt's window for the past). */
export const REQUEST_FUTURE_TOLERANCE_SEC = 5 * 60;

/** True for an X-Slack-Request-Timestamp (seconds) more than 5 minutes ahead of `nowMs`. */
export function datedInTheFuture(timestampSec: string | undefined, nowMs: number): boolean {
  const stamp = Number(timestampSec);
  return Number.isFinite(stamp) && stamp > Math.floor(nowMs / 1000) + REQUEST_FUTURE_TOLERANCE_SEC;
}

/** Without the health endpoints (TWINBRIDGE_HTTP_PORT=off): the process answers, nothing more. */
const PLAIN_HEALTH_ROUTE: CustomRoute = {
  path: SLACK_PATHS.health,
  method: ['GET'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  },
};

export class BoltSlackConnection implements SlackConnection {
  readonly app: App;
  readonly workspaces: SlackWorkspaces;
  private readonly bolt: BoltLogger;
  private readonly interactiveOptions: webApi.WebClientOptions;
  private server: Server | undefined;
  private started = false;
  /** Socket Mode: what the socket client last said of itself. */
  private socketState: ConnectionState = 'disconnected';
  /** Single workspace: the bot behind the token, once auth.test answered. */
  private bot: BotIdentity | undefined;

  constructor(
    private readonly config: SlackConfig,
    private readonly installations: SlackInstallationStore,
    private readonly logger: Logger,
    private readonly tuning: SlackConnectionTuning = {},
    /** HTTP mode: further routes on Slack's server (/healthz, /metrics); else a plain GET /healthz. */
    private readonly httpRoutes?: readonly CustomRoute[],
  ) {
    this.bolt = boltLogger(logger, [
      config.botToken,
      config.appToken,
      config.signingSecret,
      config.oauth?.clientSecret,
      config.oauth?.stateSecret,
    ]);
    const api = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
    this.interactiveOptions = {
      ...api,
      logger: this.bolt,
      timeout: 10_000,
      retryConfig: { retries: tuning.webApiRetries ?? 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    };
    const postingOptions: webApi.WebClientOptions = {
      ...api,
      logger: this.bolt,
      timeout: 10_000,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    };
    this.workspaces = new SlackWorkspaces(this.tokenSource(), postingOptions);
    this.app = new App({
      receiver: this.buildReceiver(),
      logger: this.bolt,
      clientOptions: this.interactiveOptions,
      // One workspace: every request is answered with the token's bot, known from start().
      ...(config.botToken ? { authorize: () => Promise.resolve(this.singleBot()) } : {}),
    });
  }

  get state(): ConnectionState {
    if (this.config.mode === 'socket') return this.started ? this.socketState : 'disconnected';
    return this.server?.listening ? 'connected' : this.started ? 'connecting' : 'disconnected';
  }

  get httpPort(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  async start(): Promise<void> {
    const { config, logger } = this;
    if (config.botToken) {
      // Learns which workspace the token belongs to; an unreachable API stops the start loudly.
      const auth = await new webApi.WebClient(config.botToken, this.interactiveOptions).auth.test();
      if (!auth.team_id) throw new Error('Slack auth.test gave no team id for SLACK_BOT_TOKEN');
      this.bot = { botToken: config.botToken, botId: auth.bot_id, botUserId: auth.user_id };
      this.workspaces.tokenBelongsTo(auth.team_id);
      logger.info({ team: auth.team_id, mode: config.mode }, 'Slack: one workspace (bot token)');
    } else {
      logger.info(
        { installed: await this.installations.count(), mode: config.mode },
        'Slack: workspaces install through OAuth',
      );
    }
    this.started = true;
    if (config.mode === 'http') {
      this.server = await this.app.start({ port: config.port, host: config.host });
      logger.info({ port: this.httpPort, path: SLACK_PATHS.events }, 'Slack: listening for requests');
    } else {
      await this.app.start();
      logger.info({}, 'Slack: connected in Socket Mode');
    }
  }

  /** Stops listening or disconnects; a connection that is not started stops at once. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.server = undefined;
    await this.app.stop();
  }

  private tokenSource(): ConstructorParameters<typeof SlackWorkspaces>[0] {
    if (this.config.botToken) return { kind: 'single', botToken: this.config.botToken };
    if (this.config.oauth) return { kind: 'oauth', store: this.installations };
    throw new Error('Slack needs SLACK_BOT_TOKEN or OAuth credentials');
  }

  private singleBot(): AuthorizeResult {
    if (!this.bot) throw new Error('Slack: a request arrived before auth.test answered');
    return this.bot;
  }

  private buildReceiver(): Receiver {
    const { config } = this;
    if (config.mode === 'socket') {
      if (!config.appToken) throw new Error('Socket Mode needs SLACK_APP_TOKEN');
      const receiver = new SocketModeReceiver({
        appToken: config.appToken,
        logger: this.bolt,
        ...(this.tuning.clientPingTimeoutMs ? { clientPingTimeout: this.tuning.clientPingTimeoutMs } : {}),
        ...this.oauthOptions(),
        // The install pages (OAuth only) are served on SLACK_PORT.
        installerOptions: { ...this.installerOptions(), port: config.port },
      });
      // The Socket Mode client reconnects by itself, waiting its ping timeout once more each time.
      const outage = new OutageLog('Slack Socket Mode', this.logger);
      const socket = receiver.client;
      socket.on('connecting', () => (this.socketState = 'connecting'));
      socket.on('reconnecting', () => {
        this.socketState = 'connecting';
        outage.reconnecting();
      });
      socket.on('connected', () => {
        this.socketState = 'connected';
        outage.recovered();
      });
      socket.on('disconnected', () => (this.socketState = 'disconnected'));
      return receiver;
    }
    if (!config.signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET');
    const receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_PATHS.events,
      processBeforeResponse: this.tuning.processBeforeResponse ?? false,
      logger: this.bolt,
      ...this.oauthOptions(),
      installerOptions: this.installerOptions(),
      customRoutes: this.httpRoutes ? [...this.httpRoutes] : [PLAIN_HEALTH_ROUTE],
    });
    // Bolt refuses requests older than 5 minutes but accepts any date ahead; a request signed for
    // a moment in the future could be replayed until then. Checked before Bolt reads the body:
    // the signature Bolt then checks covers the timestamp, so the header cannot be altered.
    const boltListener = receiver.requestListener;
    receiver.requestListener = (req, res) => {
      const stamp = req.headers['x-slack-request-timestamp'];
      if (datedInTheFuture(typeof stamp === 'string' ? stamp : undefined, Date.now())) {
        this.logger.warn({ timestamp: stamp }, 'Slack: refused a request dated in the future');
        res.writeHead(401).end();
        return;
      }
      boltListener(req, res);
    };
    return receiver;
  }

  private oauthOptions() {
    const { oauth } = this.config;
    if (!oauth) return {};
    return {
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      scopes: [...SLACK_BOT_SCOPES],
      installationStore: this.installations,
    };
  }

  private installerOptions() {
    const { apiUrl } = this.config;
    return {
      clientOptions: this.interactiveOptions,
      directInstall: true,
      installPath: SLACK_PATHS.install,
      redirectUriPath: SLACK_PATHS.oauthRedirect,
      // Slack's authorize page sits beside its API (slack.com, slack-gov.com, or an emulator).
      ...(apiUrl ? { authorizationUrl: new URL('/oauth/v2/authorize', apiUrl).toString() } : {}),
    };
  }
}
