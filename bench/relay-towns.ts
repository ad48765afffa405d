/**
 * The relay benchmark's world (bench/relay.ts): Český Krumlov and Passau as two Discord servers
 * on the Discord emulator (the real discord.js Client), York as a Slack workspace on the Slack
 * emulator (the real Bolt app, HTTP mode), one partnership, each town's channel linked and
 * relaying. Wired as main() wires them, on the real clock, with the platforms' posting limits.
 */
import { PassThrough } from 'node:stream';
import { REST, type Message } from 'discord.js';
import { pino } from 'pino';
import { commandList } from '../commands/index.ts';
import { discordCommands } from '../src/adapters/discord/command-json.ts';
import { registerCommands } from '../src/adapters/discord/command-registration.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../src/adapters/discord/discord-adapter.ts';
import { SLACK_BOT_SCOPES } from '../src/adapters/slack/manifest.ts';
import { createSlackAdapter, type SlackAdapter } from '../src/adapters/slack/slack-adapter.ts';
import type { InboundPort } from '../src/core/adapter-contract.ts';
import type { DeliveryWorker } from '../src/core/outbox/delivery-worker.ts';
import type { ArrivedMessage } from '../src/core/relay/relay-ports.ts';
import type { Database } from '../src/db/open-database.ts';
import { prismaSlackStores } from '../src/db/repositories/slack-repositories.ts';
import { systemClock, wireTwinbridge } from '../src/main.ts';
import { RELAY_PERMISSIONS } from '../test/discord/discord-relay-fixtures.ts';
import { DiscordEmulator, type SlashCommandInput } from '../test/emulators/discord/discord-emulator.ts';
import { SlackEmulator } from '../test/emulators/slack/slack-emulator.ts';
import { emulatorSlackConfig } from '../test/slack/slack-and-discord.ts';
import { inviteCodeIn } from '../test/support/set-up-checks.ts';

const TOKEN = 'bench-token';

/** Where members write: a channel of one town, and who writes there. */
export interface RelayChannel {
  town: string;
  platform: 'DISCORD' | 'SLACK';
  /** Discord: the guild's name; Slack: the team id. */
  community: string;
  channelId: string;
  members: string[];
}

export interface RelayTowns {
  discord: DiscordEmulator;
  slack: SlackEmulator;
  discordAdapter: DiscordAdapter;
  slackAdapter: SlackAdapter;
  worker: DeliveryWorker;
  channels: RelayChannel[];
  /** Log lines at warn level or above. */
  warnings: string[];
  stop(): Promise<void>;
}

/** What the adapters hand the core, timed: when messageArrived was called and when it resolved. */
export type RelayHandoff = (text: string, calledAt: number, committedAt: number) => void;

/** The core's InboundPort with its messageArrived timed; everything else passed on as it is. */
function timedInbound(inbound: InboundPort, handedOff: RelayHandoff): InboundPort {
  return new Proxy(inbound, {
    get(target, property, receiver) {
      if (property !== 'messageArrived') return Reflect.get(target, property, receiver) as unknown;
      return async (message: ArrivedMessage) => {
        const calledAt = Date.now();
        await target.messageArrived(message);
        handedOff(message.text, calledAt, Date.now());
      };
    },
  });
}

export async function startRelayTowns(database: Database, handedOff: RelayHandoff): Promise<RelayTowns> {
  const discord = await DiscordEmulator.start({
    token: TOKEN,
    privilegedIntents: { messageContent: true },
    // Discord's per-channel message bucket "in practice" (the bot paces itself to it): a copy
    // that ran into it would show as a 429 in the emulator's log.
    routeLimits: { 'POST /webhooks/:webhook_id/:webhook_token': { limit: 5, windowMs: 5_000 } },
    waitTimeoutMs: 60_000,
    guilds: [
      {
        name: 'Český Krumlov',
        preferredLocale: 'cs',
        botPermissions: RELAY_PERMISSIONS,
        channels: [{ name: 'general' }, { name: 'partneri' }],
        members: ['jana', 'petra', 'tomas'].map((username) => ({
          username,
          globalName: username,
          locale: 'cs',
        })),
      },
      {
        name: 'Passau',
        preferredLocale: 'de',
        botPermissions: RELAY_PERMISSIONS,
        channels: [{ name: 'general' }, { name: 'partnerstadt' }],
        members: ['max', 'lena', 'jonas'].map((username) => ({
          username,
          globalName: username,
          locale: 'de',
        })),
      },
    ],
  });
  const slack = await SlackEmulator.start({
    workspaces: [{ teamId: 'T0003', teamName: 'York', scopes: [...SLACK_BOT_SCOPES] }],
  });
  const twins = slack.addChannel({ teamId: 'T0003', name: 'twins' }).id;
  const yan = slack.addUser({ teamId: 'T0003', name: 'yan', isAdmin: true }).id;
  const yorkMembers = [yan, ...['zoe', 'oliver'].map((name) => slack.addUser({ teamId: 'T0003', name }).id)];

  const warnings: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => warnings.push(...chunk.toString('utf8').trim().split('\n')));
  const logger = pino({ level: 'warn' }, logStream);
  let slackAdapter: SlackAdapter | undefined;
  let discordAdapter: DiscordAdapter | undefined;
  const { worker } = wireTwinbridge({
    database,
    logger,
    clock: systemClock,
    workerId: 'relay-bench',
    adapters: (wiring) => {
      const inbound = timedInbound(wiring.inbound, handedOff);
      slackAdapter = createSlackAdapter(
        emulatorSlackConfig(slack, 'T0003'),
        inbound,
        prismaSlackStores(database.prisma),
        logger,
        { clock: systemClock },
      );
      discordAdapter = createDiscordAdapter(
        { token: TOKEN, apiUrl: discord.apiUrl, guildId: undefined, messageContent: true },
        inbound,
        logger,
      );
      return [slackAdapter, discordAdapter];
    },
  });
  if (!slackAdapter || !discordAdapter) throw new Error('the adapters were not built');
  const slackBot = slackAdapter;
  const discordBot = discordAdapter;
  await slackBot.start();
  await discordBot.start();
  await registerCommands(new REST({ api: discord.apiUrl }).setToken(TOKEN), {
    commands: discordCommands(commandList),
  });
  const eventsUrl = `http://127.0.0.1:${slackBot.connection.httpPort ?? 0}/slack/events`;
  slack.members.subscribe(['message.channels', 'message.groups']);
  slack.members.deliverTo(eventsUrl);

  /** A Discord command's visible text once the bot answered; throws when it was refused. */
  const onDiscord = async (input: SlashCommandInput, expected: string): Promise<string> => {
    const handle = discord.slashCommand(input);
    await handle.response();
    await discordBot.whenIdle();
    const outcome = handle.outcome();
    const text = [outcome.original, ...outcome.followUps]
      .map((m) => [m?.content ?? '', ...(m?.embeds ?? []).map((e) => e.description ?? '')].join('\n'))
      .join('\n');
    if (!text.includes(expected)) throw new Error(`set-up: /${input.name} ${input.subcommand}: ${text}`);
    await worker.drainDue();
    return text;
  };
  const onSlack = async (text: string, expected: string): Promise<string> => {
    const delivery = await slack
      .http(eventsUrl)
      .slashCommand({ command: '/twin', text, userId: yan, channelId: twins });
    const answer = await slack.waitForResponse(delivery.responseUrl ?? '');
    const said = typeof answer.body['text'] === 'string' ? answer.body['text'] : '';
    if (!said.includes(expected)) throw new Error(`set-up: /twin ${text}: ${said}`);
    await worker.drainDue();
    return said;
  };
  const jana = { guild: 'Český Krumlov', channel: 'partneri', user: 'jana' };
  const max = { guild: 'Passau', channel: 'partnerstadt', user: 'max' };
  const register = (name: string, country: string, timezone: string, language: string) => ({
    name: 'town',
    subcommand: 'register',
    options: { name, country, timezone, language },
  });
  const relayOn = { name: 'channel', subcommand: 'relay', options: { partnership: 1, relay: 'on' } };
  await onDiscord({ ...jana, ...register('Český Krumlov', 'CZ', 'Europe/Prague', 'cs') }, 'Český Krumlov');
  const invite = async () =>
    inviteCodeIn(
      await onDiscord(
        { ...jana, name: 'partner', subcommand: 'invite', options: { name: 'Krumlov – Passau – York' } },
        '#1',
      ),
    );
  const forPassau = await invite();
  await onDiscord({ ...jana, name: 'channel', subcommand: 'link', options: { partnership: 1 } }, '');
  await onDiscord({ ...jana, ...relayOn }, '');
  await onDiscord({ ...max, ...register('Passau', 'DE', 'Europe/Berlin', 'de') }, 'Passau');
  await onDiscord({ ...max, name: 'partner', subcommand: 'join', options: { code: forPassau } }, '');
  await onDiscord({ ...max, ...relayOn }, '');
  const forYork = inviteCodeIn(
    await onDiscord({ ...jana, name: 'partner', subcommand: 'invite', options: { partnership: 1 } }, '#1'),
  );
  await onSlack('town register name:York country:GB timezone:Europe/London language:en', 'York');
  await onSlack(`partner join code:${forYork}`, '');
  await onSlack('channel relay partnership:1 on', '');
  const relaying = await database.prisma.channelLink.count({ where: { relay: true, status: 'ACTIVE' } });
  if (relaying !== 3) throw new Error(`set-up: ${relaying} relaying channels, not 3`);

  return {
    discord,
    slack,
    discordAdapter: discordBot,
    slackAdapter: slackBot,
    worker,
    warnings,
    channels: [
      {
        town: 'Český Krumlov',
        platform: 'DISCORD',
        community: 'Český Krumlov',
        channelId: discord.channelId('partneri', 'Český Krumlov'),
        members: ['jana', 'petra', 'tomas'],
      },
      {
        town: 'Passau',
        platform: 'DISCORD',
        community: 'Passau',
        channelId: discord.channelId('partnerstadt', 'Passau'),
        members: ['max', 'lena', 'jonas'],
      },
      { town: 'York', platform: 'SLACK', community: 'T0003', channelId: twins, members: yorkMembers },
    ],
    stop: async () => {
      await worker.stop().catch(() => undefined);
      await slackBot.stop();
      await discordBot.stop();
      await slack.stop();
      await discord.stop();
    },
  };
}

/** Calls `seen` with each member's message the bot's Discord client receives, as it arrives. */
export function onDiscordArrival(
  adapter: DiscordAdapter,
  seen: (message: Message, at: number) => void,
): void {
  adapter.discordClient.on('messageCreate', (message) => {
    if (!message.author.bot && message.webhookId === null) seen(message, Date.now());
  });
}
