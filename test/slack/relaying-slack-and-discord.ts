/**
 * Český Krumlov on Slack and Passau on Discord, partners whose channels (#partneri,
 * #partnerstadt) both relay: the set-up the cross-platform relay suites share, with the commands
 * a test can run as Jana (a Slack admin) and Max (Passau's member), each drained through the outbox.
 */
import type { Message } from 'discord.js';
import type { Database } from '../../src/db/open-database.ts';
import type { SlashCommandInput } from '../emulators/discord/discord-emulator.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { startSlackAndDiscord, type SlackAndDiscord } from './slack-and-discord.ts';
import { answerText } from './slack-harness.ts';

export interface RelayingSlackAndDiscord extends SlackAndDiscord {
  /** Krumlov's relaying Slack channel and its admin. */
  partneri: string;
  jana: string;
  /** Passau's relaying Discord channel. */
  partnerstadt: string;
  /** What Passau's `channel relay … on` answered. */
  relayOnAnswer: string;
  slackCommand: (text: string) => Promise<string>;
  discordCommand: (input: Omit<SlashCommandInput, 'guild' | 'channel'>) => Promise<string>;
  /** The bot's Discord client's next event for this message. */
  seenOnDiscord: (
    event: 'messageCreate' | 'messageUpdate' | 'messageDelete',
    id: () => string,
  ) => Promise<void>;
}

export async function startRelayingSlackAndDiscord(database: Database): Promise<RelayingSlackAndDiscord> {
  const both = await startSlackAndDiscord(database, {
    relay: true,
    passau: {
      preferredLocale: 'de',
      channels: [{ name: 'general' }, { name: 'partnerstadt' }],
      members: [{ username: 'max', globalName: 'Max', locale: 'de' }],
    },
  });
  const { slack, discord, discordAdapter, worker, eventsUrl } = both;
  const partneri = slack.addChannel({ name: 'partneri' }).id;
  const jana = slack.addUser({ name: 'jana', isAdmin: true }).id;
  const partnerstadt = discord.channelId('partnerstadt', 'Passau');

  const slackCommand = async (text: string): Promise<string> => {
    const delivery = await slack
      .http(eventsUrl)
      .slashCommand({ command: '/twin', text, userId: jana, channelId: partneri });
    const answer = await slack.waitForResponse(delivery.responseUrl ?? '');
    await worker.drainDue();
    return answerText(answer);
  };
  const discordCommand = async (input: Omit<SlashCommandInput, 'guild' | 'channel'>): Promise<string> => {
    const handle = discord.slashCommand({ guild: 'Passau', channel: 'partnerstadt', ...input });
    await handle.response();
    await discordAdapter.whenIdle();
    await worker.drainDue();
    const outcome = handle.outcome();
    return [outcome.original, ...outcome.followUps].map((m) => m?.content ?? '').join('\n');
  };
  const seenOnDiscord = (
    event: 'messageCreate' | 'messageUpdate' | 'messageDelete',
    id: () => string,
  ): Promise<void> => {
    const client = discordAdapter.discordClient;
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

  await slackCommand('town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs');
  const code = inviteCodeIn(await slackCommand('partner invite name:"Krumlov – Passau" form:formal'));
  await slackCommand('channel link partnership:1');
  await slackCommand('channel relay partnership:1 on');
  const town = { name: 'Passau', country: 'DE', timezone: 'Europe/Berlin', language: 'de' };
  await discordCommand({ user: 'max', name: 'town', subcommand: 'register', options: town });
  await discordCommand({ user: 'max', name: 'partner', subcommand: 'join', options: { code } });
  const relayOnAnswer = await discordCommand({
    user: 'max',
    name: 'channel',
    subcommand: 'relay',
    options: { partnership: 1, relay: 'on' },
  });
  return {
    ...both,
    partneri,
    jana,
    partnerstadt,
    relayOnAnswer,
    slackCommand,
    discordCommand,
    seenOnDiscord,
  };
}
