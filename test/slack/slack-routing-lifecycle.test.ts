// Slack adapter routing, lifecycle: workspaces leaving (uninstall, revoked tokens) and the poster before the connection started.
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';

import { CHANNEL, eventCallback, TEAM } from './slack-payloads.ts';
import {
  MemoryEventLedger,
  recordingLogger,
  unusedInstallations,
  unusedPosts,
  useRouting,
} from './slack-routing-fixture.ts';

const routing = useRouting();

describe('workspaces leaving', () => {
  it('forget the workspace when the app is uninstalled or its bot token revoked, not for user tokens', async () => {
    await routing.connection.receiver.send(eventCallback('Ev10', { type: 'app_uninstalled', event_ts: '1' }));
    await routing.connection.receiver.send(
      eventCallback('Ev11', { type: 'tokens_revoked', tokens: { oauth: ['U0JANA'] }, event_ts: '2' }),
    );
    expect(routing.connection.workspaces.uninstalls).toEqual([{ teamId: TEAM.id, enterpriseId: undefined }]);
    await routing.connection.receiver.send(
      eventCallback('Ev12', { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] }, event_ts: '3' }),
    );
    expect(routing.connection.workspaces.uninstalls).toHaveLength(2);
  });
});

describe('the poster before the connection started', () => {
  it('answers "not connected" as retryable, not as a broken channel', async () => {
    const adapter = createSlackAdapter(
      {
        mode: 'http',
        botToken: 'xoxb-not-started',
        oauth: undefined,
        signingSecret: 'secret',
        appToken: undefined,
        apiUrl: 'http://127.0.0.1:9/api/',
        port: 0,
        host: '127.0.0.1',
        command: '/twin',
      },
      routing.inbound,
      {
        installations: unusedInstallations,
        events: new MemoryEventLedger(),
        posts: unusedPosts,
      },
      recordingLogger([]),
      { clock: { now: () => routing.now } },
    );
    const target = {
      platform: 'SLACK' as const,
      communityExternalId: TEAM.id,
      channelId: CHANNEL.id,
      channelName: CHANNEL.name,
    };
    expect(await adapter.poster.post(target, { text: 'Early' }, 'delivery-early')).toEqual({
      ok: false,
      retryable: true,
      reason: 'Slack is not connected yet',
    });
  });
});
