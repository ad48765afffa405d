/**
 * Český Krumlov on Slack and Passau on Discord, partners whose channels (#partneri,
 * #partnerstadt) both relay: the set-up the cross-platform relay suites share
 * (startSlackAndDiscord with `relay`, then relayKrumlovAndPassau's commands), with the commands a
 * test can run as Jana (a Slack admin) and Max (Passau's member), each drained through the outbox.
 */
import type { Message } from 'discord.js';
import type { Database } from '../../src/db/open-database.ts';
import {
  PASSAU_RELAYING,
  relayKrumlovAndPassau,
  startSlackAndDiscord,
  type RelayingTowns,
  type SlackAndDiscord,
  type TwinbridgeOnBoth,
} from './slack-and-discord.ts';

type DiscordMessageEvent = 'messageCreate' | 'messageUpdate' | 'messageDelete';

export interface RelayingSlackAndDiscord extends SlackAndDiscord, RelayingTowns {
  /** The bot's Discord client's next event for this message. */
  seenOnDiscord: (event: DiscordMessageEvent, id: () => string) => Promise<void>;
}

export async function startRelayingSlackAndDiscord(database: Database): Promise<RelayingSlackAndDiscord> {
  const both = await startSlackAndDiscord(database, { relay: true, passau: PASSAU_RELAYING });
  const towns = await relayKrumlovAndPassau(both, () => both);
  const seenOnDiscord = (event: DiscordMessageEvent, id: () => string): Promise<void> => {
    const client = both.discordAdapter.discordClient;
    return new Promise((resolve) => {
      const listener = (...args: unknown[]) => {
        const message = (event === 'messageUpdate' ? args[1] : args[0]) as Message;
        if (message.id !== id()) return;
        client.off(event, listener);
        resolve();
      };
      client.on(event, listener);
    });
  };
  return { ...both, ...towns, seenOnDiscord };
}

/** Everything this run of the bot received from both emulators has reached the relay, and the outbox posted it. */
export async function settleRun(both: Pick<SlackAndDiscord, 'slack'>, bot: TwinbridgeOnBoth): Promise<void> {
  await both.slack.members.settled();
  await bot.slackAdapter.whenIdle();
  await bot.discordAdapter.whenIdle();
  await bot.worker.drainDue();
}
