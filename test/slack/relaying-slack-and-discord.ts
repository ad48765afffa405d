/**
 * Český Krumlov on Slack and Passau on Discord, twinned, each town's channel linked and relaying
 * (startSlackAndDiscord with `relay`), and the commands that set it up: what the cross-platform
 * relay tests start from.
 */
import { expect } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import type { SlashCommandInput } from '../emulators/discord/discord-emulator.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { startSlackAndDiscord, type SlackAndDiscord } from './slack-and-discord.ts';
import { answerText } from './slack-harness.ts';

export interface RelayingSlackAndDiscord {
  both: SlackAndDiscord;
  /** Krumlov's linked Slack channel, and its coordinator. */
  partneri: string;
  jana: string;
  /** Passau's linked Discord channel (its coordinator is the member `max`). */
  partnerstadt: string;
  slackCommand: (text: string) => Promise<string>;
  discordCommand: (input: Omit<SlashCommandInput, 'guild' | 'channel'>) => Promise<string>;
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
  const { slack, discord } = both;
  const partneri = slack.addChannel({ name: 'partneri' }).id;
  const jana = slack.addUser({ name: 'jana', isAdmin: true }).id;
  const partnerstadt = discord.channelId('partnerstadt', 'Passau');

  const slackCommand = async (text: string): Promise<string> => {
    const delivery = await slack
      .http(both.eventsUrl)
      .slashCommand({ command: '/twin', text, userId: jana, channelId: partneri });
    const answer = await slack.waitForResponse(delivery.responseUrl ?? '');
    await both.worker.drainDue();
    return answerText(answer);
  };
  const discordCommand = async (input: Omit<SlashCommandInput, 'guild' | 'channel'>): Promise<string> => {
    const handle = discord.slashCommand({ guild: 'Passau', channel: 'partnerstadt', ...input });
    await handle.response();
    await both.discordAdapter.whenIdle();
    await both.worker.drainDue();
    const outcome = handle.outcome();
    return [outcome.original, ...outcome.followUps].map((m) => m?.content ?? '').join('\n');
  };

  await slackCommand('town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs');
  const code = inviteCodeIn(await slackCommand('partner invite name:"Krumlov – Passau" form:formal'));
  await slackCommand('channel link partnership:1');
  await slackCommand('channel relay partnership:1 on');
  await discordCommand({
    user: 'max',
    name: 'town',
    subcommand: 'register',
    options: { name: 'Passau', country: 'DE', timezone: 'Europe/Berlin', language: 'de' },
  });
  await discordCommand({ user: 'max', name: 'partner', subcommand: 'join', options: { code } });
  const on = await discordCommand({
    user: 'max',
    name: 'channel',
    subcommand: 'relay',
    options: { partnership: 1, relay: 'on' },
  });
  expect(on).toContain('Partnerkanal');
  return { both, partneri, jana, partnerstadt, slackCommand, discordCommand };
}
