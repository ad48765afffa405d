/**
 * A Slack channel's backfill (slack-messages.ts) goes first in the queue its live message events
 * go through: an event that arrives while the history is still being read waits behind it. The
 * history's answer is held here until the live event is queued, which the end-to-end test
 * (slack-discord-backfill.test.ts) cannot arrange.
 */
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { messageChannelKey, SlackMessages } from '../../src/adapters/slack/slack-messages.ts';
import type { WorkspaceClients } from '../../src/adapters/slack/slack-ports.ts';
import { SlackProfiles } from '../../src/adapters/slack/slack-profiles.ts';
import { FakeInboundPort } from '../support/fake-inbound-port.ts';

const logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const clock = { now: () => new Date('2026-11-23T10:00:00Z') };
const KNOWN = '1795431600.000100';

describe('the Slack backfill and live events', () => {
  it('relays what it reads back before a live message of the channel that arrived meanwhile', async () => {
    const inbound = new FakeInboundPort();
    const messages = new SlackMessages({ inbound, profiles: new SlackProfiles({ clock, logger }), logger });
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const history: unknown[] = [];
    const client = {
      conversations: {
        history: async (args: unknown) => {
          history.push(args);
          await answered;
          return {
            ok: true,
            has_more: false,
            messages: [{ type: 'message', user: 'U1', ts: '1795431600.000200', text: 'Zmeškaná' }],
          };
        },
      },
      users: { info: () => Promise.resolve({ ok: true, user: { name: 'jana' } }) },
    } as unknown as webApi.WebClient;
    const workspaces: WorkspaceClients = {
      clientFor: () => Promise.resolve(client),
      installerOf: () => Promise.resolve(undefined),
      uninstalled: () => Promise.resolve(),
    };
    messages.backfill(
      workspaces,
      [
        {
          communityExternalId: 'T1',
          channelId: 'C1',
          knownMessageIds: [KNOWN],
          oldestRecentCopyIds: [],
          originals: [],
        },
      ],
      Promise.resolve(true),
      clock.now(),
    );
    // The live event takes the queue the router's middleware gives a message event of C1.
    const key = messageChannelKey({
      type: 'event_callback',
      team_id: 'T1',
      event: { type: 'message', channel: 'C1' },
    });
    const live = messages.inOrder(key ?? '', () =>
      inbound.messageArrived({
        platform: 'SLACK',
        communityExternalId: 'T1',
        channelId: 'C1',
        messageId: '1795431600.000300',
        author: { userId: 'U1', displayName: 'jana' },
        text: 'Živá',
      }),
    );
    answer();
    await live;
    await messages.idle();
    // From the newest message known on, included (a thread may hang on it).
    expect(history).toMatchObject([{ channel: 'C1', oldest: '1795431600.000099' }]);
    expect(inbound.messages.map((m) => m.message.messageId)).toEqual([
      '1795431600.000200',
      '1795431600.000300',
    ]);
  });
});
