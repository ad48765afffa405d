/**
 * Sharding as Discord does it (developers/events/gateway.mdx, "Sharding"): a session identifies
 * with `shard: [shard_id, num_shards]` and receives only the guilds with
 * `shard_id = (guild_id >> 22) % num_shards`, in READY, GUILD_CREATE and every dispatch of the
 * guild; DMs (and anything else without a guild) go to shard 0 only.
 */
import { GatewayCloseCodes, GatewayDispatchEvents } from 'discord.js';

export type Shard = readonly [id: number, count: number];

/** Discord's rule: which of `count` shards a guild lives on. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Whether a session on `shard` receives an event of `guildId` (undefined: a DM or guild-less event). */
export function shardReceives(shard: Shard, guildId: string | undefined): boolean {
  return guildId === undefined ? shard[0] === 0 : shardOf(guildId, shard[1]) === shard[0];
}

/** Dispatches about a guild itself name it `id`; every other guild event carries `guild_id`. */
const GUILD_ITSELF = new Set<string>([
  GatewayDispatchEvents.GuildCreate,
  GatewayDispatchEvents.GuildUpdate,
  GatewayDispatchEvents.GuildDelete,
]);

/** The guild a dispatch belongs to, undefined for DMs and events of no guild. */
export function dispatchGuildId(t: string, d: unknown): string | undefined {
  if (typeof d !== 'object' || d === null) return undefined;
  const fields = d as { id?: unknown; guild_id?: unknown };
  const guildId = GUILD_ITSELF.has(t) ? fields.id : fields.guild_id;
  return typeof guildId === 'string' ? guildId : undefined;
}

export interface ShardRefusal {
  readonly code: number;
  readonly reason: string;
}

/**
 * What Discord answers an IDENTIFY's `shard` with: 4010 for a pair that is no shard (an id not
 * below the count), 4011 when the shard would hold more than `maxGuildsPerShard` guilds
 * (Discord: 2,500). Undefined: accepted, as `[id, count]`.
 */
export function checkShard(
  requested: unknown,
  guildIds: readonly string[],
  maxGuildsPerShard: number,
): { shard: Shard } | { refused: ShardRefusal } {
  // Without `shard`, Discord treats the session as shard 0 of 1.
  const pair = requested === undefined ? [0, 1] : requested;
  const [id, count] = Array.isArray(pair) ? (pair as unknown[]) : [];
  const valid =
    Array.isArray(pair) &&
    pair.length === 2 &&
    Number.isInteger(id) &&
    Number.isInteger(count) &&
    (count as number) >= 1 &&
    (id as number) >= 0 &&
    (id as number) < (count as number);
  if (!valid) return { refused: { code: GatewayCloseCodes.InvalidShard, reason: 'Invalid shard' } };
  const shard: Shard = [id as number, count as number];
  const held = guildIds.filter((guildId) => shardReceives(shard, guildId)).length;
  if (held > maxGuildsPerShard)
    return { refused: { code: GatewayCloseCodes.ShardingRequired, reason: 'Sharding required' } };
  return { shard };
}
