// A real Bolt App in HTTP mode listening to the Slack emulator's events, for the emulator's own
// tests: it records every event of the types asked for (the bot's own included: ignoreSelf off,
// so a test sees what Slack sent), and answers once its listener ran (processBeforeResponse),
// so a member's write resolves when the event is recorded.

import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { SlackEmulator, type WorkspaceInput } from './slack-emulator.ts';

export async function emulatorWithBolt(workspace: Partial<WorkspaceInput>, eventTypes: readonly string[]) {
  const slack = await SlackEmulator.start({ workspaces: [{ teamId: 'T0001', ...workspace }] });
  const ws = slack.workspace();
  const app = new App({
    token: ws.botToken,
    signingSecret: slack.signingSecret,
    processBeforeResponse: true,
    deferInitialization: true,
    ignoreSelf: false,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  const events: Record<string, unknown>[] = [];
  for (const type of eventTypes) {
    app.event(type, async ({ event }) => {
      events.push(event as unknown as Record<string, unknown>);
      await Promise.resolve();
    });
  }
  await app.init();
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
  slack.members.deliverTo(`http://127.0.0.1:${server.address().port}/slack/events`);
  const client = new webApi.WebClient(ws.botToken, {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
  });
  const general = ws.generalChannelId ?? '';
  const stop = async () => {
    await app.stop();
    await slack.stop();
  };
  return { slack, ws, events, client, general, stop };
}
