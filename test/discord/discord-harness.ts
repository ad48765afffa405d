/**
 * Twinbridge with its real Discord adapter (the real discord.js Client) against the local
 * Discord emulator, on a real test database, with the commands registered as
 * `npm run commands:discord` registers them.
 *
 *   const h = await DiscordHarness.start({ database, guilds: TWO_TOWNS });
 *   const answer = await h.command({ name: 'town', subcommand: 'info', guild: 'Passau', user: 'max' });
 *   answer.text; answer.ephemeral;                     // what the person saw
 *   await h.drain();                                   // the outbox posts
 *   h.discord.messages(h.channel('partneri'));         // what the channel shows
 *   await h.stop();
 */
import { PassThrough } from 'node:stream';
import { REST, type APIEmbed, type APIMessage } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { createLogger } from '../../src/logging.ts';
import { commandList } from '../../commands/index.ts';
import { discordCommands } from '../../src/adapters/discord/command-json.ts';
import {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordAdapterTuning,
} from '../../src/adapters/discord/discord-adapter.ts';
import { registerCommands } from '../../src/adapters/discord/command-registration.ts';
import type { DiscordConfig } from '../../src/config.ts';
import type { CommandBus } from '../../src/core/commands/command-bus.ts';
import type { DeliveryWorker, DrainResult } from '../../src/core/outbox/delivery-worker.ts';
import type { Database } from '../../src/db/open-database.ts';
import { type AbuseLimits } from '../../src/core/limits.ts';
import type { Metrics } from '../../src/core/metrics.ts';
import { wireTwinbridge } from '../../src/main.ts';
import { TestClock } from '../console/console-harness.ts';
import { expectShownToChannel, inviteCodeIn } from '../support/set-up-checks.ts';
import {
  DiscordEmulator,
  type AutocompleteInput,
  type DiscordEmulatorOptions,
  type GuildInput,
  type InteractionHandle,
  type SlashCommandInput,
} from '../emulators/discord/discord-emulator.ts';

/** Český Krumlov and Passau as two Discord servers, with the people of the console scenario. */
export const TWO_TOWNS: GuildInput[] = [
  {
    name: 'Český Krumlov',
    preferredLocale: 'cs',
    channels: [{ name: 'general' }, { name: 'partneri' }],
    members: [
      { username: 'jana', globalName: 'Jana', locale: 'cs' },
      { username: 'petra', globalName: 'Petra', locale: 'cs' },
    ],
  },
  {
    name: 'Passau',
    preferredLocale: 'de',
    channels: [{ name: 'general' }, { name: 'partnerstadt' }],
    members: [
      { username: 'max', globalName: 'Max', locale: 'de' },
      { username: 'lena', globalName: 'Lena', locale: 'de' },
    ],
  },
];

export interface DiscordHarnessOptions {
  database: Database;
  guilds?: GuildInput[];
  now?: string;
  tuning?: DiscordAdapterTuning;
  emulator?: Omit<DiscordEmulatorOptions, 'guilds'>;
  /** What one partnership may schedule and send (default: the bot's defaults). */
  limits?: AbuseLimits;
  /** What the bus and the worker report to (the health and metrics tests). */
  metrics?: Metrics;
  /** DISCORD_MESSAGE_CONTENT=on: the bot asks for Message Content and relays members' messages. */
  messageContent?: boolean;
}

/** What a person saw after an interaction: the reply (or the message a button updated) and follow-ups. */
export interface Answer {
  handle: InteractionHandle;
  /** The callback type: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete. */
  callbackType: number;
  withinDeadline: boolean;
  /** The reply (or updated message), then the follow-ups, as they are now. */
  messages: APIMessage[];
  /** Every message's text, embeds' titles, descriptions and fields included, joined by lines. */
  text: string;
  /** Whether the first visible answer is ephemeral. */
  ephemeral: boolean;
}

export function embedText(embed: APIEmbed): string {
  return [
    embed.title ?? '',
    embed.description ?? '',
    ...(embed.fields ?? []).map((f) => `${f.name}: ${f.value}`),
  ].join('\n');
}

export function messageText(message: APIMessage): string {
  return [message.content, ...message.embeds.map(embedText)].filter((t) => t !== '').join('\n');
}

export function isEphemeral(message: APIMessage | undefined): boolean {
  return ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/** The custom ids of a message's buttons, in order. */
export function buttonIds(message: APIMessage | undefined): string[] {
  return (message?.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((c) =>
          'custom_id' in c && typeof c.custom_id === 'string' ? [c.custom_id] : [],
        )
      : [],
  );
}

export class DiscordHarness {
  private constructor(
    readonly discord: DiscordEmulator,
    readonly adapter: DiscordAdapter,
    readonly bus: CommandBus,
    readonly worker: DeliveryWorker,
    readonly clock: TestClock,
    readonly logLines: string[],
    readonly config: DiscordConfig,
  ) {}

  static async start(options: DiscordHarnessOptions): Promise<DiscordHarness> {
    const discord = await DiscordEmulator.start({
      token: 'harness-token',
      // Waits end on the emulator's signals; the timeout only catches a hang, and a busy
      // machine must not trip it.
      waitTimeoutMs: 20_000,
      ...options.emulator,
      guilds: options.guilds ?? TWO_TOWNS,
    });
    const clock = new TestClock(new Date(options.now ?? '2026-11-23T10:00:00Z'));
    const logLines: string[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').trim().split('\n')));
    const config: DiscordConfig = {
      token: 'harness-token',
      apiUrl: discord.apiUrl,
      guildId: undefined,
      messageContent: options.messageContent === true,
    };
    // The production logger (redaction included) at debug, with the token configured here.
    const logger = createLogger('debug', logStream, [config.token]);
    let adapter: DiscordAdapter | undefined;
    const { bus, worker } = wireTwinbridge({
      database: options.database,
      logger,
      clock,
      workerId: 'discord-test',
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
      adapters: ({ inbound }) => {
        adapter = createDiscordAdapter(config, inbound, logger, {
          ...options.tuning,
          clientOptions: {
            // discord.js spaces IDENTIFYs 5 s apart; tests that re-identify need not wait.
            ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
            ...options.tuning?.clientOptions,
          },
        });
        return [adapter];
      },
    });
    if (!adapter) throw new Error('the Discord adapter was not wired');
    try {
      await adapter.start();
      // As `npm run commands:discord` does it, through the same REST API.
      const rest = new REST({ api: discord.apiUrl }).setToken(config.token);
      await registerCommands(rest, { commands: discordCommands(commandList) });
    } catch (error) {
      await adapter.stop().catch(() => undefined);
      await discord.stop();
      throw error;
    }
    return new DiscordHarness(discord, adapter, bus, worker, clock, logLines, config);
  }

  /** A channel id by name, in a guild (by name; default the first). */
  channel(name: string, guild?: string): string {
    return this.discord.channelId(name, guild);
  }

  /** Runs a slash command and returns what the person saw once the bot finished answering. */
  async command(input: SlashCommandInput): Promise<Answer> {
    return this.answerOf(this.discord.slashCommand(input));
  }

  /** Clicks a button and returns what the clicker saw (the updated message, then follow-ups). */
  async click(message: string | APIMessage, customId: string, user: string): Promise<Answer> {
    return this.answerOf(this.discord.buttonClick({ message, customId, user }));
  }

  /** The choices autocomplete offered. */
  async autocomplete(input: AutocompleteInput): Promise<{ name: string; value: string | number }[]> {
    const handle = this.discord.autocomplete(input);
    const callback = await handle.response();
    await this.adapter.whenIdle();
    return (callback.data['choices'] ?? []) as { name: string; value: string | number }[];
  }

  /** Waits until the bot has answered the interaction completely. */
  async answerOf(handle: InteractionHandle): Promise<Answer> {
    const callback = await handle.response();
    await this.adapter.whenIdle();
    const outcome = handle.outcome();
    const messages = [...(outcome.original ? [outcome.original] : []), ...outcome.followUps];
    return {
      handle,
      callbackType: callback.type,
      withinDeadline: callback.withinDeadline,
      messages,
      text: messages.map(messageText).join('\n'),
      ephemeral: isEphemeral(messages[0]),
    };
  }

  /** Posts everything due in the outbox, as the worker does after a command. */
  drain(): Promise<DrainResult> {
    return this.worker.drainDue();
  }

  /** The bot's messages in a channel (not ephemeral ones), oldest first. */
  posts(channel: string, guild?: string): APIMessage[] {
    return this.discord
      .messages(this.channel(channel, guild))
      .filter((m) => m.author.id === this.discord.botUser.id && m.interaction_metadata === undefined);
  }

  /** Log lines at error level (50) or above. */
  errors(): string[] {
    return this.logLines.filter((line) => /"level":(50|60)/.test(line));
  }

  async stop(): Promise<void> {
    await this.worker.stop().catch(() => undefined);
    await this.adapter.stop();
    await this.discord.stop();
  }
}

/** Who acts where in TWO_TOWNS. */
export const PEOPLE = {
  jana: { guild: 'Český Krumlov', channel: 'partneri', user: 'jana' },
  petra: { guild: 'Český Krumlov', channel: 'partneri', user: 'petra' },
  max: { guild: 'Passau', channel: 'partnerstadt', user: 'max' },
  lena: { guild: 'Passau', channel: 'partnerstadt', user: 'lena' },
} as const;

/**
 * Krumlov and Passau registered and partnered (#partneri and #partnerstadt linked), with jana and
 * max their coordinators; and exchange #1 (3 places) when `exchange` is set. Returns the answers.
 */
export async function twinTowns(h: DiscordHarness, options: { exchange?: boolean } = {}): Promise<void> {
  const { jana, max } = PEOPLE;
  const step = (input: SlashCommandInput) => `/${input.name} ${input.subcommand ?? ''} as ${input.user}`;
  const answered = async (input: SlashCommandInput): Promise<Answer> => {
    const answer = await h.command(input);
    if (answer.messages.length === 0) throw new Error(`set-up: no answer to ${step(input)}`);
    return answer;
  };
  // Steps whose success the channel sees (deferred, it follows the ephemeral deferral): a
  // refusal is ephemeral only.
  const done = async (input: SlashCommandInput): Promise<Answer> => {
    const answer = await answered(input);
    expectShownToChannel(
      answer.messages.some((m) => !isEphemeral(m)),
      answer.text,
      step(input),
    );
    return answer;
  };
  await done({
    ...jana,
    name: 'town',
    subcommand: 'register',
    options: { name: 'Český Krumlov', country: 'CZ', timezone: 'Europe/Prague', language: 'cs' },
  });
  const invite = await answered({
    ...jana,
    name: 'partner',
    subcommand: 'invite',
    options: { name: 'Krumlov – Passau' },
  });
  const code = inviteCodeIn(invite.text);
  await done({ ...jana, name: 'channel', subcommand: 'link', options: { partnership: 1 } });
  await done({
    ...max,
    name: 'town',
    subcommand: 'register',
    options: { name: 'Passau', country: 'DE', timezone: 'Europe/Berlin', language: 'de' },
  });
  await done({ ...max, name: 'partner', subcommand: 'join', options: { code } });
  if (options.exchange) {
    const title = 'Letní tábor mládeže';
    const created = await answered({
      ...jana,
      name: 'event',
      subcommand: 'create',
      options: {
        partnership: 1,
        title,
        kind: 'youth-exchange',
        start: '2027-07-06 10:00',
        end: '2027-07-10 16:00',
        capacity: 3,
      },
    });
    // The answer is private either way: a created exchange answers with its card and buttons.
    if (buttonIds(created.messages[0]).length === 0)
      throw new Error(`set-up: /event create was refused; the bot answered:\n${created.text}`);
  }
  await h.drain();
}
