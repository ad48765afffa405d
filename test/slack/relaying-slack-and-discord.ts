/**
 * Český Krumlov on Slack and Passau on Discord, twinned, each town's channel linked and relaying:
 * what the cross-platform relay tests start from (startSlackAndDiscord with `relay`, then
 * relayKrumlovAndPassau's commands).
 */
import type { Database } from '../../src/db/open-database.ts';
import {
  PASSAU_RELAYING,
  relayKrumlovAndPassau,
  startSlackAndDiscord,
  type RelayingTowns,
  type SlackAndDiscord,
} from './slack-and-discord.ts';

export interface RelayingSlackAndDiscord extends RelayingTowns {
  both: SlackAndDiscord;
}

export async function startRelayingSlackAndDiscord(database: Database): Promise<RelayingSlackAndDiscord> {
  const both = await startSlackAndDiscord(database, { relay: true, passau: PASSAU_RELAYING });
  return { both, ...(await relayKrumlovAndPassau(both, () => both)) };
}
