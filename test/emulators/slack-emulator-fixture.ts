// Shared set-up of the slack-emulator-*.test.ts suites: an emulator per test, the Bolt apps a test starts (stopped first), a quiet logger.

import type { AddressInfo } from 'node:net';
import { format } from 'node:util';

import type { Logger, types } from '@slack/bolt';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, beforeEach } from 'vitest';

import type { SlackHttpBot } from './slack/slack-emulator.ts';
import { SlackEmulator } from './slack/slack-emulator.ts';

/** Bolt logs through this; tests can assert on warnings without console noise. */
export function quietLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...msg: unknown[]): void => {
      lines.push(`${level} ${format(...msg)}`);
    };
  return {
    lines,
    debug: () => undefined,
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

export function buttonBlocks(actionId: string, value: string): types.KnownBlock[] {
  return [
    {
      type: 'actions',
      block_id: 'rsvp',
      elements: [{ type: 'button', action_id: actionId, value, text: { type: 'plain_text', text: 'Join' } }],
    },
  ];
}

/** The emulator of the running test and the Bolt apps it started; the apps are stopped after it, then the emulator. */
export interface SlackEmulatorRig {
  /** The emulator the running test got (started before each test). */
  readonly slack: SlackEmulator;
  /** Stops `app` after the test, before the emulator. */
  track(app: App): App;
  /** A real Bolt App in HTTP mode against the emulator, with a sender for its events endpoint. */
  startHttpApp(
    register: (app: App) => void,
    clientOptions?: { rejectRateLimitedCalls?: boolean },
  ): Promise<{ app: App; bot: SlackHttpBot; logger: ReturnType<typeof quietLogger> }>;
}

/** Registers the hooks that start an emulator before each test and stop its apps and itself after it. */
export function useSlackEmulator(): SlackEmulatorRig {
  let slack: SlackEmulator | undefined;
  const apps: App[] = [];
  const current = (): SlackEmulator => {
    if (!slack) throw new Error('the emulator starts in beforeEach');
    return slack;
  };

  beforeEach(async () => {
    slack = await SlackEmulator.start();
  });

  afterEach(async () => {
    // Apps first: a Socket Mode client whose server vanishes would try to reconnect.
    for (const app of apps.splice(0)) await app.stop();
    await slack?.stop();
  });

  const rig: SlackEmulatorRig = {
    get slack() {
      return current();
    },
    track(app) {
      apps.push(app);
      return app;
    },
    async startHttpApp(register, clientOptions = {}) {
      const slack = current();
      const logger = quietLogger();
      const app = new App({
        token: slack.workspace().botToken,
        signingSecret: slack.signingSecret,
        processBeforeResponse: true,
        // Awaiting init() awaits auth.test; otherwise it is a floating promise that turns
        // into an unhandled rejection if the API is unreachable.
        deferInitialization: true,
        logger,
        clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, ...clientOptions },
      });
      await app.init();
      register(app);
      const server = await app.start({ port: 0, host: '127.0.0.1' });
      rig.track(app);
      const { port } = server.address() as AddressInfo;
      return { app, bot: slack.http(`http://127.0.0.1:${port}/slack/events`), logger };
    },
  };
  return rig;
}
