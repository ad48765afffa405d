/**
 * What isolates towns (docs/SECURITY.md), on the console: generated from the command definitions
 * (test/support/command-matrix.ts), every coordinator-only command by a plain member of the town
 * is refused, and every command naming another partnership's partnership, exchange or
 * announcement is refused to an unrelated town exactly as a number nobody has would be (so a
 * refusal does not tell what exists), with nothing written. The console has no admin right to
 * check (it is local): the Discord and Slack suites try the admin-only commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import {
  asText,
  COORDINATOR_ONLY,
  expectEachRefused,
  expectEachUnknownToOutsiders,
  expectNoWrites,
  TARGETED,
  type TryAttempt,
} from '../support/command-matrix.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';
import { answer } from './console-output.ts';
import { SETUP } from './three-towns.ts';

/** Carol is a plain member of Oxford, the town owning partnership #1. */
const AS_CAROL = ':community oxford\n:channel twinning\n:as carol';
/** York is in no partnership: yan coordinates it, zoe is a plain member. */
const YORK = `
:community york
:channel twins
:as yan
town register name:York country:GB timezone:Europe/London language:en
`;
const AS_YAN = ':community york\n:channel twins\n:as yan';
const AS_ZOE = ':community york\n:channel twins\n:as zoe';

/** The console's answer to one attempt, its ✗ mark taken off. */
const tryOn =
  (harness: () => ConsoleHarness): TryAttempt =>
  async (attempt) =>
    (await answer(harness(), asText(attempt))).replace(/^✗ /, '');

describe.each(DATABASE_KINDS)('isolation matrix on the console on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    const printed = await harness.run(
      `${SETUP}\n:community oxford\n:channel twinning\n:as alice\nannounce schedule partnership:1 text:"Choir rehearsal" at:"2027-04-01 18:00"\n${YORK}\n${AS_ZOE}\ntown info\n${AS_CAROL}\ntown info`,
    );
    expect(printed).not.toMatch(/^✗/m);
    expect(await database.prisma.announcement.count()).toBe(1);
  });
  afterAll(async () => {
    await database.close();
  });

  it('refuses every coordinator-only command to a plain member of the town, writing nothing', async () => {
    expect(COORDINATOR_ONLY.map((d) => d.path.join(' '))).toEqual(
      expect.arrayContaining(['event create', 'announce send', 'channel link', 'partner leave']),
    );
    await harness.run(AS_CAROL);
    await expectNoWrites(database, () =>
      expectEachRefused(
        COORDINATOR_ONLY,
        'alice',
        tryOn(() => harness),
        (command) => `Only a coordinator of your town can use “${command}”.`,
      ),
    );
  });

  it.each([
    ['yan, coordinator of an unrelated town', AS_YAN, TARGETED],
    ['zoe, member of an unrelated town', AS_ZOE, TARGETED.filter((d) => d.role !== 'coordinator')],
  ])(
    'refuses to %s every command naming another partnership’s objects, as for numbers nobody has',
    async (_who, as, definitions) => {
      expect(definitions.map((d) => d.path.join(' '))).toEqual(
        expect.arrayContaining(['partner info', 'event info', 'rsvp', 'event list']),
      );
      await harness.run(as);
      await expectNoWrites(database, () =>
        expectEachUnknownToOutsiders(
          definitions,
          'alice',
          tryOn(() => harness),
        ),
      );
    },
  );
});
