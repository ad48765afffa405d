// Shared set-up of the Discord interaction suites: the servers (two towns and Ústí without one), a harness on them, refusals.
import { expect } from 'vitest';
import type { Database, DatabaseKind } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  DiscordHarness,
  PEOPLE,
  TWO_TOWNS,
  twinTowns,
  type Answer,
  type DiscordHarnessOptions,
} from './discord-harness.ts';

export const { jana, petra, max, lena } = PEOPLE;
/** A server whose town is not registered; zdeněk's Discord client is in German. */
export const USTI = { guild: 'Ústí', channel: 'general', user: 'zdenek' } as const;
export const GUILDS = [
  ...TWO_TOWNS,
  {
    name: 'Ústí',
    preferredLocale: 'cs',
    channels: [{ name: 'general' }],
    members: [{ username: 'zdenek', locale: 'de' }],
  },
];

/**
 * None of these answers is slow by design: the defer threshold and Discord's window are set out
 * of reach, so a busy machine cannot turn a reply (callback type 4) into a deferral (5).
 */
export const ANSWER_AT_ONCE = {
  tuning: { deferAfterMs: 600_000 },
  emulator: { interactionDeadlineMs: 600_000 },
} as const;

export function expectRefusal(answer: Answer, text: string): void {
  expect(answer.callbackType).toBe(4);
  expect(answer.ephemeral).toBe(true);
  expect(answer.text).toContain(text);
}

/** A test database and the harness the suite drives. */
export interface TwinTowns {
  readonly database: Database;
  readonly h: DiscordHarness;
}

/** A database of `kind` and a harness on GUILDS with the two towns twinned and an exchange planned. */
export async function startTwinTowns(
  kind: DatabaseKind,
  options: Omit<DiscordHarnessOptions, 'database' | 'guilds'>,
): Promise<TwinTowns> {
  const database = await createTestDatabase(kind);
  const h = await DiscordHarness.start({ database, guilds: GUILDS, ...options });
  await twinTowns(h, { exchange: true });
  return { database, h };
}

export async function stopTwinTowns({ database, h }: TwinTowns): Promise<void> {
  await h.stop();
  await database.close();
}
