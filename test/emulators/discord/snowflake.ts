/** Discord snowflakes: milliseconds since the Discord epoch in the top 42 bits. */

export const DISCORD_EPOCH_MS = 1_420_070_400_000;

/** Makes strictly increasing snowflakes, so ids sort in creation order as on Discord. */
export class SnowflakeGenerator {
  #lastMs = 0;
  #increment = 0;

  next(): string {
    // Never step back: a clock adjustment must not produce a smaller (or repeated) id.
    const now = Math.max(Date.now(), this.#lastMs);
    if (now === this.#lastMs) {
      this.#increment = (this.#increment + 1) & 0xfff;
      // 4096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
      if (this.#increment === 0) this.#lastMs += 1;
    } else {
      this.#lastMs = now;
      this.#increment = 0;
    }
    const ms = BigInt(this.#lastMs - DISCORD_EPOCH_MS);
    // Worker 1, process 0: the values are irrelevant to clients but keep ids realistic.
    return ((ms << 22n) | (1n << 17n) | BigInt(this.#increment)).toString();
  }
}

/** The creation time a snowflake encodes, in Unix milliseconds. */
export function snowflakeTime(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}

/** Discord writes timestamps as ISO 8601 with an explicit UTC offset. */
export function discordTimestamp(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}
