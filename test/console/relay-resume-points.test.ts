/**
 * Where a backfill resumes (docs/RELAY.md, "Backfill"): per relaying channel, the newest original
 * the relay recorded there and the newest copy it posted there, on both database engines (the
 * query is SQL of its own). Console channels, so both engines run in a second.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

const AS_MAX = ':community passau\n:channel partnerstadt\n:as max\n';
const AS_JANA = ':community krumlov\n:channel partneri\n:as jana\n';

describe.each(DATABASE_KINDS)('the relay’s resume points on %s', (kind) => {
  let database: Database;
  let h: ConsoleHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    h = consoleHarness(database, '2026-11-23T10:00:00Z');
  });
  afterEach(async () => {
    await database.close();
  });

  // The console's ids carry the run's prefix ("5a355b.msg-2"); the printed ones do not.
  const points = async () =>
    (await h.inbound.relayResumePoints('CONSOLE')).map((p) => [
      p.communityExternalId,
      p.channelId,
      p.knownMessageIds.map((id) => id.replace(/^[^.]+\./, '')),
    ]);

  it('names each relaying channel with its newest original and newest copy, and leaves out the rest', async () => {
    await h.run(`${TWIN_KRUMLOV_PASSAU}channel relay partnership:1 on\n`);
    // Nothing relayed yet: no channel to resume in.
    expect(await points()).toEqual([]);
    await h.run(`${AS_MAX}channel relay partnership:1 on\n`);
    const first = await h.run(`${AS_JANA}:say Jedna\n:say Dvě\n`);
    const copies = [...first.matchAll(/ as (console-\d+):/g)].map((m) => m[1]);
    expect(copies).toHaveLength(2);
    expect(await points()).toEqual([
      ['krumlov', 'partneri', ['msg-2']],
      ['passau', 'partnerstadt', [copies[1]]],
    ]);
    const answer = await h.run(`${AS_MAX}:say Drei\n`);
    const third = / as (console-\d+):/.exec(answer)?.[1];
    expect(await points()).toEqual([
      ['krumlov', 'partneri', ['msg-2', third]],
      ['passau', 'partnerstadt', ['msg-3', copies[1]]],
    ]);
    // Relaying off in Passau: not read back there.
    await h.run(`${AS_MAX}channel relay partnership:1 off\n`);
    expect(await points()).toEqual([['krumlov', 'partneri', ['msg-2', third]]]);
  });
});
