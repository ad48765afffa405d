/**
 * A Slack connection for routing tests, in the spirit of bolt-js's fake receiver: the real Bolt
 * App with a receiver the test drives. `receiver.send(body)` hands a request body to
 * `app.processEvent` as the HTTP and Socket Mode receivers do and resolves, once the listeners
 * are done, with what was acknowledged. Web API calls and response_url posts go to a
 * RecordingSlackApi (a fetch, no server).
 */
import { App, ReceiverMultipleAckError, type Receiver, webApi } from '@slack/bolt';
import { boltLogger } from '../../src/adapters/slack/bolt-logger.ts';
import type { SlackConnection } from '../../src/adapters/slack/slack-connection.ts';
import type { WorkspaceClient, WorkspaceClients } from '../../src/adapters/slack/slack-ports.ts';
import type { Logger } from '../../src/core/ports.ts';
import { RecordingSlackApi } from './recording-slack-api.ts';

/** What the listeners acknowledged: nothing, or ack() with its response (undefined when empty). */
export interface Acknowledgement {
  acknowledged: boolean;
  response: unknown;
}

/** A request under way: its acknowledgement as soon as it comes, and the end of its handling. */
export interface Dispatch {
  acknowledged: Promise<unknown>;
  handled: Promise<void>;
  /** What was acknowledged so far. */
  readonly outcome: Acknowledgement;
}

export class FakeReceiver implements Receiver {
  private app: App | undefined;
  running = false;

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    this.running = true;
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.running = false;
    return Promise.resolve();
  }

  /** Delivers a request body and resolves once it is handled, with what was acknowledged. */
  async send(body: Record<string, unknown>): Promise<Acknowledgement> {
    const dispatch = this.dispatch(body);
    await dispatch.handled;
    return dispatch.outcome;
  }

  /** Delivers a request body without waiting for its handling. */
  dispatch(body: Record<string, unknown>): Dispatch {
    if (!this.app || !this.running) throw new Error('the fake receiver is not started');
    const outcome: Acknowledgement = { acknowledged: false, response: undefined };
    let acknowledge!: (response: unknown) => void;
    const acknowledged = new Promise<unknown>((resolve) => (acknowledge = resolve));
    const handled = this.app.processEvent({
      body,
      ack: (response?: unknown) => {
        // Like Bolt's own receivers: Slack takes one answer per request.
        if (outcome.acknowledged) throw new ReceiverMultipleAckError();
        outcome.acknowledged = true;
        outcome.response = response;
        acknowledge(response);
        return Promise.resolve();
      },
    });
    return { acknowledged, handled, outcome };
  }
}

/** The bot's clients per workspace: every team gets one on the recording API; uninstalls are kept. */
class RecordingWorkspaces implements WorkspaceClients {
  readonly uninstalls: { teamId: string; enterpriseId?: string | undefined }[] = [];
  /** Who installed the app, per team (tests set it). */
  readonly installers = new Map<string, string>();

  constructor(private readonly client: webApi.WebClient) {}

  installerOf(teamId: string): Promise<string | undefined> {
    return Promise.resolve(this.installers.get(teamId));
  }

  clientFor(): Promise<WorkspaceClient> {
    return Promise.resolve(this.client);
  }

  uninstalled(workspace: { teamId: string; enterpriseId?: string | undefined }): Promise<void> {
    this.uninstalls.push(workspace);
    return Promise.resolve();
  }
}

export const FAKE_BOT = { token: 'xoxb-routing-test', botId: 'B0BOT', botUserId: 'U0BOT' };

export class FakeSlackConnection implements SlackConnection {
  readonly receiver = new FakeReceiver();
  readonly api = new RecordingSlackApi();
  readonly app: App;
  readonly workspaces: RecordingWorkspaces;
  readonly httpPort = undefined;
  private started = false;

  constructor(logger: Logger) {
    const clientOptions = {
      slackApiUrl: RecordingSlackApi.apiUrl,
      fetch: this.api.fetch,
      retryConfig: { retries: 0 },
    };
    this.app = new App({
      receiver: this.receiver,
      token: FAKE_BOT.token,
      botId: FAKE_BOT.botId,
      botUserId: FAKE_BOT.botUserId,
      tokenVerificationEnabled: false,
      logger: boltLogger(logger),
      clientOptions,
    });
    this.workspaces = new RecordingWorkspaces(new webApi.WebClient(FAKE_BOT.token, clientOptions));
  }

  get state(): 'connected' | 'disconnected' {
    return this.started ? 'connected' : 'disconnected';
  }

  async start(): Promise<void> {
    await this.app.start();
    this.started = true;
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.app.stop();
  }
}
