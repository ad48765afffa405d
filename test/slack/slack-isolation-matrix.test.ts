/**
 * What isolates towns (docs/SECURITY.md), through the real Bolt app and the Slack emulator: the
 * matrices of test/support/command-matrix.ts as `/twin` commands. Petra is a plain member of
 * Český Krumlov's workspace (no admin, not the installer): every coordinator-only and every
 * admin-only command is refused to her. York's workspace is in no partnership: every command
 * naming Krumlov's and Passau's partnership, exchange or announcement is refused to its people as
 * a number nobody has would be. Nothing is written either way. One mode and one engine are enough
 * here: the console matrix runs on both engines, and what is tried here is the adapter's part
 * (who is acting, in which workspace, with which rights).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import {
  asText,
  COMMUNITY_ADMIN_ONLY,
  COORDINATOR_ONLY,
  expectEachRefused,
  expectEachUnknownToOutsiders,
  expectNoWrites,
  TARGETED,
  type TryAttempt,
} from '../support/command-matrix.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { answerText, shownInChannel, unescaped, type As, type SlackHarness } from './slack-harness.ts';
import { startThreeWorkspaces, twinKrumlovAndPassau, type ThreeWorkspaces } from './three-workspaces.ts';

/** What one person saw: a refusal, shown to them alone. */
const tryAs =
  (h: () => SlackHarness, as: () => As): TryAttempt =>
  async (attempt) => {
    const answer = await h().command(asText(attempt), as());
    expect(answer.body, attempt.path.join(' ')).toMatchObject({ response_type: 'ephemeral' });
    return unescaped(answerText(answer));
  };

describe.each(DATABASE_KINDS.slice(-1))('isolation matrix on Slack on %s', (kind) => {
  let database: Database;
  let h: SlackHarness;
  let people: ThreeWorkspaces;
  let janaMention: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    people = await startThreeWorkspaces(database);
    h = people.h;
    const { jana, max, yan } = people;
    janaMention = `<@${jana.userId ?? ''}|jana>`;
    const done = async (text: string, as: As) => shownInChannel(await h.command(text, as), text);
    await twinKrumlovAndPassau(h, jana, max);
    await h.command(
      'event create partnership:1 title:"Letní tábor" kind:youth-exchange start:"2027-07-06 10:00"',
      jana,
    );
    await h.command('announce schedule partnership:1 text:"Zkouška sboru" at:"2027-04-01 18:00"', jana);
    await done('town register name:York country:GB timezone:Europe/London language:en', yan);
    await h.drain();
    expect(await database.prisma.exchange.count()).toBe(1);
    expect(await database.prisma.announcement.count()).toBe(1);
  }, 60_000);
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('refuses every coordinator-only command to a plain member, privately and in her town’s language', async () => {
    await expectNoWrites(database, () =>
      expectEachRefused(
        COORDINATOR_ONLY,
        janaMention,
        tryAs(
          () => h,
          () => people.petra,
        ),
        (command) => `„${command}“ může použít jen koordinátor vašeho města.`,
      ),
    );
  });

  it('refuses every admin-only command to a member who is no workspace admin nor the installer', async () => {
    expect(COMMUNITY_ADMIN_ONLY.length).toBeGreaterThan(0);
    await expectNoWrites(database, () =>
      expectEachRefused(
        COMMUNITY_ADMIN_ONLY,
        janaMention,
        tryAs(
          () => h,
          () => people.petra,
        ),
        (command) =>
          `„${command}“ může použít jen správce nebo vlastník tohoto pracovního prostoru Slack, nebo ten, kdo sem Twinbridge nainstaloval. Požádejte některého z nich.`,
      ),
    );
  });

  it.each([
    ['yan, admin of an unrelated workspace', 'yan', TARGETED],
    ['zoe, member of an unrelated town', 'zoe', TARGETED.filter((d) => d.role !== 'coordinator')],
  ] as const)(
    'refuses to %s every command naming another partnership’s objects, as for numbers nobody has',
    async (_who, who, definitions) => {
      await expectNoWrites(database, () =>
        expectEachUnknownToOutsiders(
          definitions,
          janaMention,
          tryAs(
            () => h,
            () => people[who],
          ),
        ),
      );
    },
  );
});
