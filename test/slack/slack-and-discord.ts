/**
 * Both adapters in one process as main() wires them, each against its emulator: Český Krumlov's
 * Slack workspace (T0001, the real Bolt app in HTTP mode) and Passau's Discord server (the real
 * discord.js Client), commands registered, one outbox worker. With `relay`, each platform grants
 * what relaying needs (Slack's message scopes and events, Discord's Message Content intent and
 * Manage Webhooks) and Bolt answers an event once its listeners are done.
 */
import { PassThrough } from 'node:stream';
import { REST } from 'discord.js';
import { pino } from 'pino';
import { commandList } from '../../commands/index.ts';
import { discordCommands } from '../../src/adapters/discord/command-json.ts';
import { registerCommands } from '../../src/adapters/discord/command-registration.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import { SLACK_BOT_SCOPES } from '../../src/adapters/slack/manifest.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';
import type { DiscordConfig, SlackConfig } from '../../src/config.ts';
import type { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { Database } from '../../src/db/open-database.ts';
import { prismaSlackStores } from '../../src/db/repositories/slack-repositories.ts';
import { wireTwinbridge } from '../../src/main.ts';
import { TestClock } from '../console/console-harness.ts';
import { RELAY_PERMISSIONS } from '../discord/discord-relay-fixtures.ts';
import { DiscordEmulator } from '../emulators/discord/discord-emulator.ts';
import type { GuildInput } from '../emulators/discord/state.ts';
import { SlackEmulator } from '../emulators/slack/slack-emulator.ts';
import type { SlashCommandInput } from '../emulators/discord/discord-emulator.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { answerText } from './slack-harness.ts';

/** The Discord bot's token (a test posts as the bot while it is stopped). */
export const TOKEN = 'cross-token';

/** Passau's Discord server for the relay suites: #partnerstadt, and max writing there. */
export const PASSAU_RELAYING: Omit<GuildInput, 'name'> = {
  preferredLocale: 'de',
  channels: [{ name: 'general' }, { name: 'partnerstadt' }],
  members: [{ username: 'max', globalName: 'Max', locale: 'de' }],
};

/** The Slack adapter's configuration for one emulated workspace in HTTP mode. */
export function emulatorSlackConfig(slack: SlackEmulator, teamId?: string): SlackConfig {
  return {
    mode: 'http',
    botToken: slack.workspace(teamId).botToken,
    oauth: undefined,
    signingSecret: slack.signingSecret,
    appToken: undefined,
    apiUrl: slack.apiUrl,
    port: 0,
    host: '127.0.0.1',
    command: '/twin',
  };
}

/** One run of the bot: both adapters and the outbox worker on the shared database. */
export interface TwinbridgeOnBoth {
  slackAdapter: SlackAdapter;
  discordAdapter: DiscordAdapter;
  worker: DeliveryWorker;
  /** Where the Slack emulator sends commands and events. */
  eventsUrl: string;
}

export interface SlackAndDiscord extends TwinbridgeOnBoth {
  slack: SlackEmulator;
  discord: DiscordEmulator;
  /** The bot's clock (the outbox's due times and retries). */
  clock: TestClock;
  /** The bot's log lines (JSON), every run's. */
  logLines: string[];
  /** Stops the bot (worker and adapters); the emulators stay up, and members may write meanwhile. */
  stopBot: () => Promise<void>;
  /** Starts the bot again on the same database, as after a restart. */
  startBot: () => Promise<TwinbridgeOnBoth>;
  stop: () => Promise<void>;
}

export async function startSlackAndDiscord(
  database: Database,
  options: { passau: Omit<GuildInput, 'name'>; relay?: boolean },
): Promise<SlackAndDiscord> {
  const relay = options.relay === true;
  const slack = await SlackEmulator.start({
    workspaces: [
      { teamId: 'T0001', teamName: 'Český Krumlov', ...(relay ? { scopes: [...SLACK_BOT_SCOPES] } : {}) },
    ],
  });
  const discord = await DiscordEmulator.start({
    token: TOKEN,
    ...(relay ? { privilegedIntents: { messageContent: true } } : {}),
    guilds: [{ name: 'Passau', ...options.passau, ...(relay ? { botPermissions: RELAY_PERMISSIONS } : {}) }],
  });
  const logLines: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').trim().split('\n')));
  const logger = pino({ level: 'info' }, logStream);
  const slackConfig = emulatorSlackConfig(slack);
  const discordConfig: DiscordConfig = {
    token: TOKEN,
    apiUrl: discord.apiUrl,
    guildId: undefined,
    ...(relay ? { messageContent: true } : {}),
  };
  const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));

  const startBot = async (): Promise<TwinbridgeOnBoth> => {
    let slackAdapter: SlackAdapter | undefined;
    let discordAdapter: DiscordAdapter | undefined;
    const { worker } = wireTwinbridge({
      database,
      logger,
      clock,
      workerId: 'cross-test',
      adapters: ({ inbound }) => {
        slackAdapter = createSlackAdapter(slackConfig, inbound, prismaSlackStores(database.prisma), logger, {
          clock,
          // A member's message is answered once the relay has it: no waiting on time.
          ...(relay ? { tuning: { processBeforeResponse: true } } : {}),
        });
        discordAdapter = createDiscordAdapter(discordConfig, inbound, logger, {
          // The backfill's age bound counts from the bot's clock, as Slack's does.
          clock,
          clientOptions: {
            ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
          },
        });
        return [slackAdapter, discordAdapter];
      },
    });
    if (!slackAdapter || !discordAdapter) throw new Error('the adapters were not built');
    await slackAdapter.start();
    await discordAdapter.start();
    const eventsUrl = `http://127.0.0.1:${slackAdapter.connection.httpPort ?? 0}/slack/events`;
    if (relay) {
      slack.members.subscribe(['message.channels', 'message.groups', 'reaction_added', 'reaction_removed']);
      slack.members.deliverTo(eventsUrl);
    }
    return { slackAdapter, discordAdapter, worker, eventsUrl };
  };

  let bot: TwinbridgeOnBoth | undefined = await startBot();
  await registerCommands(new REST({ api: discord.apiUrl }).setToken(TOKEN), {
    commands: discordCommands(commandList),
  });
  const stopBot = async () => {
    const running = bot;
    bot = undefined;
    if (!running) return;
    await running.worker.stop().catch(() => undefined);
    await running.slackAdapter.stop();
    await running.discordAdapter.stop();
  };
  return {
    slack,
    discord,
    clock,
    logLines,
    ...bot,
    stopBot,
    startBot: async () => (bot = await startBot()),
    stop: async () => {
      await stopBot();
      await slack.stop();
      await discord.stop();
    },
  };
}

/** Who acts where once Krumlov (Slack) and Passau (Discord) relay to each other. */
export interface RelayingTowns {
  /** Krumlov's Slack channel and its coordinator. */
  partneri: string;
  jana: string;
  /** Passau's Discord channel. */
  partnerstadt: string;
  /** A `/twin` command as jana in #partneri, once the outbox posted what it posts for it. */
  slackCommand: (text: string) => Promise<string>;
  /** A slash command as max in #partnerstadt, likewise. */
  discordCommand: (input: Omit<SlashCommandInput, 'guild' | 'channel'>) => Promise<string>;
}

/**
 * Český Krumlov registered on Slack (jana, in #partneri), Passau on Discord (max, in
 * #partnerstadt, a server given by `startSlackAndDiscord`), twinned in partnership 1, both
 * channels relaying. `bot` is the run of the bot commands go to (the latest after a restart).
 */
export async function relayKrumlovAndPassau(
  both: Pick<SlackAndDiscord, 'slack' | 'discord'>,
  bot: () => TwinbridgeOnBoth,
): Promise<RelayingTowns> {
  const { slack, discord } = both;
  const partneri = slack.addChannel({ name: 'partneri' }).id;
  const jana = slack.addUser({ name: 'jana', isAdmin: true }).id;
  const partnerstadt = discord.channelId('partnerstadt', 'Passau');
  const slackCommand = async (text: string): Promise<string> => {
    const delivery = await slack
      .http(bot().eventsUrl)
      .slashCommand({ command: '/twin', text, userId: jana, channelId: partneri });
    const answer = await slack.waitForResponse(delivery.responseUrl ?? '');
    await bot().worker.drainDue();
    return answerText(answer);
  };
  const discordCommand = async (input: Omit<SlashCommandInput, 'guild' | 'channel'>): Promise<string> => {
    const handle = discord.slashCommand({ guild: 'Passau', channel: 'partnerstadt', ...input });
    await handle.response();
    await bot().discordAdapter.whenIdle();
    await bot().worker.drainDue();
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
  if (!on.includes('Partnerkanal')) throw new Error(`set-up: relay on in Passau was refused: ${on}`);
  return { partneri, jana, partnerstadt, slackCommand, discordCommand };
}
