/**
 * Twinbridge as several bot processes of one Discord bot, each running some of its shards, on one
 * PostgreSQL database and one Discord emulator: each instance has its own connection pool, core,
 * real Discord adapter (discord.js Client with `shards` and `shardCount`) and outbox worker, as a
 * process of a hosted instance has (README "Discord sharding").
 *
 *   const bots = await ShardedBots.start({ guilds, shardsPerBot: [[0], [1]], shardCount: 2 });
 *   bots.discord.slashCommand({ ... });   bots.bot(0).interactions;   await bots.stop();
 */
import { randomBytes } from 'node:crypto';
import { Events, REST } from 'discord.js';
import { commandList } from '../../commands/index.ts';
import { discordCommands } from '../../src/adapters/discord/command-json.ts';
import { registerCommands } from '../../src/adapters/discord/command-registration.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import type { DiscordConfig } from '../../src/config.ts';
import { connectPostgres, type Database } from '../../src/db/open-database.ts';
import { wireTwinbridge, type TwinbridgeParts } from '../../src/main.ts';
import { TestClock } from '../console/console-harness.ts';
import { DiscordEmulator, type GuildInput } from '../emulators/discord/discord-emulator.ts';
import { recordingLogger } from '../support/recording-logger.ts';
import { createMigratedScratchDatabase, type ScratchDatabase } from '../support/test-database.ts';

const TOKEN = 'sharded-token';

/** One bot process: its shards, its core and worker, and the interactions its client received. */
export interface ShardedBot {
  readonly shards: readonly number[];
  readonly adapter: DiscordAdapter;
  readonly parts: TwinbridgeParts;
  /** The server of each interaction this process received, in order (null: a DM). */
  readonly interactions: (string | null)[];
  readonly logger: ReturnType<typeof recordingLogger>;
}

export interface ShardedBotsOptions {
  guilds: GuildInput[];
  /** The shards of each bot process, e.g. [[0], [1]]. */
  shardsPerBot: number[][];
  shardCount: number;
  now?: string;
}

export class ShardedBots {
  private constructor(
    readonly discord: DiscordEmulator,
    private readonly scratch: ScratchDatabase,
    private readonly databases: Database[],
    readonly bots: ShardedBot[],
  ) {}

  static async start(options: ShardedBotsOptions): Promise<ShardedBots> {
    const discord = await DiscordEmulator.start({
      token: TOKEN,
      guilds: options.guilds,
      waitTimeoutMs: 20_000,
    });
    const scratch = await createMigratedScratchDatabase();
    const databases: Database[] = [];
    const bots: ShardedBot[] = [];
    const result = new ShardedBots(discord, scratch, databases, bots);
    // Every process of a deployment hashes invite codes with the same key (TWINBRIDGE_INVITE_KEY).
    const inviteKey = randomBytes(32);
    try {
      for (const [index, shards] of options.shardsPerBot.entries()) {
        const database = connectPostgres(scratch.url);
        databases.push(database);
        const config: DiscordConfig = {
          token: TOKEN,
          apiUrl: discord.apiUrl,
          guildId: undefined,
          shards,
          shardCount: options.shardCount,
        };
        const logger = recordingLogger();
        let adapter: DiscordAdapter | undefined;
        const parts = wireTwinbridge({
          database,
          logger,
          clock: new TestClock(new Date(options.now ?? '2026-11-23T10:00:00Z')),
          workerId: `bot-${index}`,
          inviteKey,
          adapters: ({ inbound }) => {
            adapter = createDiscordAdapter(config, inbound, logger, {
              // discord.js spaces one Client's IDENTIFYs 5 s apart: not needed against the emulator.
              clientOptions: {
                ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
              },
            });
            return [adapter];
          },
        });
        if (!adapter) throw new Error('the Discord adapter was not wired');
        const interactions: (string | null)[] = [];
        adapter.discordClient.on(Events.InteractionCreate, (interaction) =>
          interactions.push(interaction.guildId),
        );
        bots.push({ shards, adapter, parts, interactions, logger });
        await adapter.start();
      }
      // Once for the bot, as `npm run commands:discord` does (global and idempotent).
      await registerCommands(new REST({ api: discord.apiUrl }).setToken(TOKEN), {
        commands: discordCommands(commandList),
      });
    } catch (error) {
      await result.stop();
      throw error;
    }
    return result;
  }

  bot(index: number): ShardedBot {
    const bot = this.bots[index];
    if (!bot) throw new Error(`no bot process ${index}`);
    return bot;
  }

  /** Every bot process has answered what it received and finished the drains it started. */
  async settled(): Promise<void> {
    await Promise.all(this.bots.map((bot) => bot.adapter.whenIdle()));
    await Promise.all(this.bots.map((bot) => bot.parts.outboxSettled()));
  }

  /** Log lines at error level, of every process. */
  errors(): string[] {
    return this.bots.flatMap((bot) =>
      bot.logger.entries.filter((e) => e.level === 'error').map((e) => e.message),
    );
  }

  async stop(): Promise<void> {
    for (const bot of this.bots) {
      await bot.parts.worker.stop().catch(() => undefined);
      await bot.adapter.stop().catch(() => undefined);
    }
    await Promise.all(this.databases.map((database) => database.close()));
    await this.discord.stop();
    await this.scratch.drop();
  }
}
