/**
 * Invites (docs/SECURITY.md): codes of 80 bits kept as a keyed hash, listed and revoked by
 * coordinators, and failed joins throttled per person and per community, counted in the
 * database and recorded without the code. Wording is written out.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';
import { answer } from './console-output.ts';
import { NAME, SETUP } from './three-towns.ts';

const AS_OXFORD = ':community oxford\n:channel twinning\n:as alice';
const AS_BONN = ':community bonn\n:channel partnerstadt\n:as bernd';
const WRONG_CODE = 'WRNG-WRNG-WRNG-WRNG';
const INVALID = '✗ That invite code is not valid. Check it with the coordinator who sent it.';
const THROTTLED =
  '✗ Too many invite codes that did not work: try again in 15 minutes, and check the code with the coordinator who sent it.';

describe.each(DATABASE_KINDS)('invites on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    const printed = await harness.run(SETUP);
    expect(printed).not.toMatch(/^✗/m);
  });
  afterEach(async () => {
    await database.close();
  });

  /** A fresh invite by Oxford into partnership #1: its code as shown once. */
  async function oxfordInvite(): Promise<string> {
    const printed = await harness.run(`${AS_OXFORD}\npartner invite partnership:1 days:3`);
    const code = /Invite code: (\S+)/.exec(printed)?.[1];
    if (!code) throw new Error(`set-up: no invite code in\n${printed}`);
    return code;
  }

  const openInvite = () =>
    database.prisma.invite.findFirstOrThrow({ where: { usedAt: null }, orderBy: { createdAt: 'desc' } });

  it('shows an 80-bit code once and keeps only a keyed hash of it', async () => {
    const code = await oxfordInvite();
    const group = '[0-9A-HJKMNP-TV-Z]{4}';
    expect(code).toMatch(new RegExp(`^${group}-${group}-${group}-${group}$`));
    const stored = (await openInvite()).codeHash;
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toBe(createHash('sha256').update(code).digest('hex'));
    expect(JSON.stringify(await database.prisma.invite.findMany())).not.toContain(code);
  });

  it('lists open invites to every partner town and lets the creator or the owner revoke one', async () => {
    await oxfordInvite();
    const id = (await openInvite()).id.slice(0, 8);
    expect(await answer(harness, 'partner invites partnership:1')).toBe(
      `• Open invites of “${NAME}”:\n  – ${id}: created Mon, 23 Nov 2026, 10:00 GMT (Europe/London) by alice (Oxford), valid until Thu, 26 Nov 2026, 10:00 GMT (Europe/London)`,
    );
    await harness.run(AS_BONN);
    expect(await answer(harness, 'partner invites partnership:1')).toContain(`${id}: erstellt am `);
    expect(await answer(harness, `partner revoke partnership:1 invite:${id}`)).toBe(
      `✗ Einladung ${id} hat eine andere Stadt erstellt: Nur diese Stadt oder Oxford, der die gemeinsamen Einstellungen gehören, kann sie zurückziehen.`,
    );
    expect((await openInvite()).revokedAt).toBeNull();
    await harness.run(AS_OXFORD);
    expect(await answer(harness, 'partner revoke partnership:1 invite:zzzz')).toBe(
      '✗ Partnership #1 has no open invite “zzzz”. See “partner invites”.',
    );
    expect(await answer(harness, `partner revoke partnership:1 invite:${id}`)).toBe(
      `✓ Invite ${id} to “${NAME}” is revoked: its code no longer works.`,
    );
    expect(await answer(harness, 'partner invites partnership:1')).toBe(`• “${NAME}” has no open invites.`);
  });

  it('refuses a revoked code as unknown', async () => {
    const code = await oxfordInvite();
    const id = (await openInvite()).id.slice(0, 8);
    await harness.run(`partner revoke partnership:1 invite:${id}`);
    await harness.run(
      ':community york\n:channel twins\n:as yan\ntown register name:York country:GB timezone:Europe/London language:en',
    );
    expect(await answer(harness, `partner join code:${code}`)).toBe(INVALID);
  });

  it('throttles a person after 5 failed joins in 15 minutes, recording each without the code', async () => {
    const code = await oxfordInvite();
    await harness.run(
      ':community york\n:channel twins\n:as yan\ntown register name:York country:GB timezone:Europe/London language:en',
    );
    for (let i = 0; i < 5; i++)
      expect(await answer(harness, `partner join code:${WRONG_CODE}`)).toBe(INVALID);
    // Even the right code is refused now: nothing tells a guesser which one was right.
    expect(await answer(harness, `partner join code:${code}`)).toBe(THROTTLED);
    const refused = await database.prisma.auditEntry.findMany({ where: { action: 'partner.join-refused' } });
    expect(refused).toHaveLength(5);
    expect(JSON.stringify(refused)).not.toContain('WRNG');
    expect(harness.logLines.join('\n')).not.toContain('WRNG');
    // 15 minutes after the first failure it counts no more.
    harness.clock.set('2026-11-23T10:15:01Z');
    expect(await answer(harness, `partner join code:${code}`)).toMatch(/^✓ Joined partnership #1/);
  });

  it('throttles a whole community after 10 failed joins, whoever tries', async () => {
    await harness.run(
      ':community york\n:channel twins\n:as yan\ntown register name:York country:GB timezone:Europe/London language:en\ntown coordinator add user:zoe\ntown coordinator add user:max',
    );
    for (let i = 0; i < 5; i++) await harness.run(`partner join code:${WRONG_CODE}`);
    await harness.run(':as zoe');
    for (let i = 0; i < 4; i++)
      expect(await answer(harness, `partner join code:${WRONG_CODE}`)).toBe(INVALID);
    // Zoe's own count is 4, the community's 9: one more try for anyone, then none.
    expect(await answer(harness, `partner join code:${WRONG_CODE}`)).toBe(INVALID);
    await harness.run(':as max');
    expect(await answer(harness, `partner join code:${WRONG_CODE}`)).toBe(THROTTLED);
  });
});
