/**
 * Discord sharding (README "Discord sharding"), validated with the rest of the configuration in
 * config.ts. A bot's guilds are split into DISCORD_SHARD_COUNT shards by Discord's rule
 * (guild_id >> 22) % count; each process runs the shards DISCORD_SHARDS names (default all):
 *   DISCORD_SHARD_COUNT=4 DISCORD_SHARDS=0-1   on one process
 *   DISCORD_SHARD_COUNT=4 DISCORD_SHARDS=2,3   on another, both on one PostgreSQL
 * The count is fixed, not "auto": every process must split guilds by the same count.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const COUNT = 'a whole number of shards, at least 1';
const IDS = 'shard ids such as 0,1 or a range such as 0-3, comma-separated';
/** One id or a range "a-b", then more after commas. */
const ID_LIST = /^\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*$/;

export const DISCORD_SHARD_SETTINGS = {
  DISCORD_SHARD_COUNT: optionalText.pipe(
    z.coerce.number<string | undefined>().int(COUNT).min(1, COUNT).max(100_000, COUNT).default(1),
  ),
  DISCORD_SHARDS: optionalText.pipe(z.string().regex(ID_LIST, IDS).optional()),
};

type ShardSettings = z.infer<z.ZodObject<typeof DISCORD_SHARD_SETTINGS>>;

export interface DiscordShards {
  /** Shards of the whole bot, across every process (Discord's `shard: [id, count]`). */
  shardCount: number;
  /** The shards this process connects, ascending. */
  shards: number[];
}

/** The shards this process runs; what is wrong with DISCORD_SHARDS goes into `problems`. */
export function discordShards(c: ShardSettings, problems: string[]): DiscordShards {
  const shardCount = c.DISCORD_SHARD_COUNT;
  const all = Array.from({ length: shardCount }, (_, id) => id);
  if (c.DISCORD_SHARDS === undefined) return { shardCount, shards: all };
  const named: number[] = [];
  for (const part of c.DISCORD_SHARDS.split(',')) {
    // The pattern let only digits through: one number, or two around a dash.
    const [from = 0, to = from] = part.split('-').map((n) => Number(n.trim()));
    if (to < from) {
      problems.push(`  DISCORD_SHARDS: the range ${part.trim()} runs backwards (write it low-high)`);
      return { shardCount, shards: all };
    }
    // A range past the count is refused below: no need to spell out a huge one.
    for (let id = from; id <= Math.min(to, shardCount); id += 1) named.push(id);
  }
  const tooHigh = named.find((id) => id >= shardCount);
  const twice = named.find((id, index) => named.indexOf(id) !== index);
  if (tooHigh !== undefined)
    problems.push(
      `  DISCORD_SHARDS: shard ${tooHigh} does not exist with DISCORD_SHARD_COUNT=${shardCount} (ids run from 0 to ${shardCount - 1})`,
    );
  else if (twice !== undefined) problems.push(`  DISCORD_SHARDS: shard ${twice} is named twice`);
  return { shardCount, shards: [...new Set(named)].sort((a, b) => a - b) };
}
