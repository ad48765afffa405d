/**
 * What the hot commands cost in database round trips, counted by the store (src/db/round-trips.ts)
 * for the command's own transaction: BEGIN and COMMIT included, the outbox drain not. The figures
 * are pinned so that a read per channel or per answer (an N+1) fails here, and they do not grow
 * with the partnership's channels and answers. Why each command needs what it makes: README,
 * "Commands".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

describe.each(DATABASE_KINDS)('command round trips on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;
  let counted: number[];
  /** The round trips of the commands `script` runs, one figure per command. */
  const roundTripsOf = async (script: string) => {
    counted = [];
    await harness.run(script);
    return counted;
  };

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z', 'info', {
      onCommandRoundTrips: (count) => counted.push(count),
    });
    counted = [];
    await harness.run(`${TWIN_KRUMLOV_PASSAU}
event create partnership:1 title:"Letní slavnost" kind:citizens-meeting start:"2027-06-05 10:00" capacity:20
:as eva
help`);
  });
  afterEach(() => database.close());

  it('answers an RSVP in 14 round trips, and one more for a person seen the first time', async () => {
    // BEGIN, who, the exchange locked, its partnership, the answers, the answer written, the
    // posted cards, the waiting redraws withdrawn, the channels, the redraws queued, the
    // reminders withdrawn and planned, the audit entry, COMMIT.
    expect(await roundTripsOf(`rsvp event:1 answer:going`)).toEqual([14]);
    expect(await roundTripsOf(`:as petr\nrsvp event:1 answer:maybe guests:1`)).toEqual([15]);
  });

  it('makes as many round trips for an RSVP with more channels and more answers', async () => {
    await harness.run(`:channel novinky
channel link partnership:1
:community passau
:channel nachrichten
:as max
channel link partnership:1
${['anna', 'bert', 'carl', 'dora'].map((who) => `:as ${who}\nrsvp event:1 answer:going`).join('\n')}`);
    expect(await roundTripsOf(`:as dora\nrsvp event:1 answer:maybe`)).toEqual([14]);
  });

  it('reads who is asking in one statement: help costs BEGIN, that read and COMMIT', async () => {
    expect(await roundTripsOf('help')).toEqual([3]);
  });
});
