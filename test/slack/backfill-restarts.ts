/**
 * The backfill suites' rig (docs/RELAY.md, "Backfill"): Český Krumlov on Slack (the real Bolt
 * app) and Passau on Discord (the real discord.js Client) relaying to each other on an embedded
 * database, members writing while the bot runs, the bot stopped and started again on the same
 * database, and what it did then: the backfill's log lines and the copies on each side.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  settleRun,
  startRelayingSlackAndDiscord,
  type RelayingSlackAndDiscord,
} from './relaying-slack-and-discord.ts';
import type { TwinbridgeOnBoth } from './slack-and-discord.ts';
import { unescaped } from './slack-harness.ts';

/** What a backfill logged it did in a channel (channels with nothing to do are not logged). */
export type BackfillDone = Record<string, unknown>;

export interface BackfillRig {
  /** The emulators, the towns and the first run of the bot. */
  readonly both: RelayingSlackAndDiscord;
  /** The bot's run now (the latest after a restart). */
  readonly bot: TwinbridgeOnBoth;
  /** Everything this run received reached the relay, and the outbox posted it. */
  settle: () => Promise<void>;
  /**
   * Starts the bot again on the same database; a copy refused before the other adapter connected
   * is let come due. Resolves with what the backfill logged per channel.
   */
  restart: () => Promise<BackfillDone[]>;
  /**
   * Starts the bot once more with nothing changed meanwhile: the backfill logs nothing done, and
   * `observe` (the bot's calls, the copies) reads the same after as before.
   */
  restartChangesNothing: (observe: () => unknown) => Promise<void>;
  /** The running bot's Discord client's next event for this message. */
  seenOnDiscord: (event: 'messageCreate' | 'messageUpdate', id: () => string) => Promise<void>;
  /** Max writes in #partnerstadt (in a thread of it, when given), seen by the bot and relayed. */
  maxWrites: (content: string, thread?: string) => Promise<string>;
  /** Jana writes in #partneri (in a thread, when given), relayed. */
  janaWrites: (text: string, threadTs?: string) => Promise<string>;
  /** The relay's copies in #partneri (top level and in threads), oldest first. */
  copiesOnSlack: () => string[];
  /** The replies in a thread of #partneri other than its parent, oldest first. */
  slackThread: (ts: string | undefined) => string[];
  /** What webhooks posted in Passau's channel, or in a thread of it. */
  copiesOnDiscord: (channel?: string) => string[];
  /** How often the bot edited and deleted Slack messages so far. */
  slackCalls: () => { update: number; delete: number };
  /** How often the bot edited and deleted its webhook posts on Discord so far. */
  discordCalls: () => { edit: number; delete: number };
}

/** Starts the rig before the suite's tests (stopped after them) and returns what they drive. */
export function useBackfillRig(): BackfillRig {
  let database: Database;
  let both: RelayingSlackAndDiscord | undefined;
  let bot: TwinbridgeOnBoth | undefined;
  const started = (): { both: RelayingSlackAndDiscord; bot: TwinbridgeOnBoth } => {
    if (!both || !bot) throw new Error('the backfill rig is not started');
    return { both, bot };
  };

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    both = await startRelayingSlackAndDiscord(database);
    bot = both;
  }, 60_000);

  afterAll(async () => {
    await both?.stop();
    await database.close();
  });

  const rig: BackfillRig = {
    get both() {
      return started().both;
    },
    get bot() {
      return started().bot;
    },
    settle: () => settleRun(started().both, started().bot),
    restart: async () => {
      const { both } = started();
      const logged = both.logLines.length;
      await both.stopBot();
      bot = await both.startBot();
      await rig.settle();
      both.clock.set(new Date(both.clock.now().getTime() + 15 * 60_000));
      await bot.worker.drainDue();
      return both.logLines
        .slice(logged)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => String(line['msg']).startsWith('relay backfill'))
        .map(({ channel, relayed, edited, deleted }) => ({ channel, relayed, edited, deleted }));
    },
    restartChangesNothing: async (observe) => {
      const before = observe();
      expect(await rig.restart()).toEqual([]);
      expect(observe()).toEqual(before);
    },
    seenOnDiscord: (event, id) => {
      const client = started().bot.discordAdapter.discordClient;
      return new Promise((resolve) => {
        const listener = (...args: { id: string }[]) => {
          if ((event === 'messageUpdate' ? args[1] : args[0])?.id !== id()) return;
          client.off(event, listener);
          resolve();
        };
        client.on(event, listener);
      });
    },
    maxWrites: async (content, thread) => {
      let id = '';
      const seen = rig.seenOnDiscord('messageCreate', () => id);
      const where = { guild: 'Passau', channel: 'partnerstadt', ...(thread ? { thread } : {}) };
      id = started().both.discord.memberWrites({ ...where, user: 'max', content }).id;
      await seen;
      await rig.settle();
      return id;
    },
    janaWrites: async (text, threadTs) => {
      const { both } = started();
      const where = { channel: both.partneri, user: both.jana, ...(threadTs ? { threadTs } : {}) };
      const { ts } = await both.slack.members.writes({ ...where, text });
      await rig.settle();
      return ts;
    },
    copiesOnSlack: () =>
      started()
        .both.slack.messages(started().both.partneri)
        .filter((m) => (m as { username?: string }).username !== undefined)
        .map((m) => unescaped(m.text)),
    slackThread: (ts) =>
      started()
        .both.slack.messages(started().both.partneri)
        .filter((m) => ts !== undefined && m.threadTs === ts && m.ts !== ts)
        .map((m) => unescaped(m.text)),
    copiesOnDiscord: (channel) =>
      started()
        .both.discord.channelView(channel ?? started().both.partnerstadt)
        .filter((m) => m.webhookId !== null && m.webhookId !== undefined)
        .map((m) => m.content),
    slackCalls: () => ({
      update: started().both.slack.callCount('chat.update'),
      delete: started().both.slack.callCount('chat.delete'),
    }),
    discordCalls: () => {
      const { discord } = started().both;
      const route = '/webhooks/:webhook_id/:webhook_token/messages/:message_id';
      return {
        edit: discord.requests({ method: 'PATCH', route }).length,
        delete: discord.requests({ method: 'DELETE', route }).length,
      };
    },
  };
  return rig;
}
