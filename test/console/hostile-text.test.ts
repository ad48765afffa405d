/**
 * Text that would break the database or mislead readers, end to end through the real wiring:
 * control characters are refused before anything is written, with the option named in the
 * town's language; bidirectional controls typed into titles, places and town names are stored
 * as typed but never reach an answer or a post; a quote escaped inside a quoted value is kept.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/commands/invocation.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';
import { answer, posts } from './console-output.ts';

const RLO = '\u202e';
const PDF = '\u202c';
const RLI = '\u2067';
const PDI = '\u2069';
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const MAX: Actor = {
  platform: 'CONSOLE',
  communityExternalId: 'passau',
  communityName: 'passau',
  userId: 'max',
  displayName: 'max',
  communityAdmin: true,
};

/** What the bot printed, without the echo of the typed command (which holds what was typed). */
function botOutput(printed: string): string {
  return printed
    .split('\n')
    .filter((line) => !/^\S+@\S+ #\S+> /.test(line))
    .join('\n');
}

async function rowCounts(database: Database): Promise<number[]> {
  const p = database.prisma;
  return Promise.all([p.exchange.count(), p.announcement.count(), p.delivery.count(), p.member.count()]);
}

describe.each(DATABASE_KINDS)('hostile text on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    await harness.run(TWIN_KRUMLOV_PASSAU);
  });
  beforeEach(async () => {
    await harness.run(':community krumlov\n:channel partneri\n:as jana');
  });
  afterAll(async () => {
    await database.close();
  });

  it('refuses a NUL byte in a title in Czech, naming the option, and writes nothing', async () => {
    const before = await rowCounts(database);
    const printed = await answer(
      harness,
      'event create partnership:1 title:"Tábor\u0000" kind:youth-exchange start:"2027-07-06 10:00"',
    );
    expect(printed.split('\n')[0]).toBe(
      '✗ Hodnota „title“ obsahuje neviditelný řídicí znak (U+0000), který nelze uložit ani zveřejnit: odstraňte ho.',
    );
    expect(printed).not.toContain('ref ');
    expect(await rowCounts(database)).toEqual(before);
  });

  it('refuses control characters in options a platform hands over typed, in German', async () => {
    const before = await rowCounts(database);
    const reply = await harness.bus.run({
      actor: MAX,
      channel: { id: 'partnerstadt', name: 'partnerstadt' },
      command: 'announce.send',
      options: { partnership: 1, text: 'Treffen\u001b[31m heute' },
    });
    expect(reply.error).toEqual({ key: 'validation.control-character', option: 'text' });
    expect(reply.text.split('\n')[0]).toBe(
      '„text“ enthält ein unsichtbares Steuerzeichen (U+001B), das weder gespeichert noch gepostet werden kann: Entfernen Sie es.',
    );
    expect(await rowCounts(database)).toEqual(before);
  });

  it('keeps an announcement of several lines, with its line breaks, for every channel', async () => {
    const reply = await harness.bus.run({
      actor: {
        ...MAX,
        communityExternalId: 'krumlov',
        communityName: 'krumlov',
        userId: 'jana',
        displayName: 'jana',
      },
      channel: { id: 'partneri', name: 'partneri' },
      command: 'announce.send',
      options: { partnership: 1, text: 'Program:\r\n\t10:00 příjezd' },
    });
    expect(reply.error).toBeUndefined();
    const deliveries = await database.prisma.delivery.findMany({ where: { kind: 'announcement' } });
    expect(deliveries.map((d) => (d.payload as { text: string }).text)).toEqual([
      'Program:\n\t10:00 příjezd',
      'Program:\n\t10:00 příjezd',
    ]);
  });

  it('stores a title with a right-to-left override as typed, and answers and posts it without', async () => {
    const title = `${RLO}Letní tábor${PDF} ${RLI}חיפה${PDI}`;
    const printed = botOutput(
      await harness.run(
        `event create partnership:1 title:"${title}" kind:youth-exchange start:"2027-07-06 10:00" location:"${RLO}Plešivec"`,
      ),
    );
    expect(printed).not.toMatch(BIDI_CONTROLS);
    expect(printed).toContain('#1 Letní tábor חיפה');
    expect(printed).toContain('Místo: Plešivec');
    const posted = posts(printed).get('#partnerstadt in passau') ?? [];
    const card = posted.find((text) => text.startsWith('Neue Veranstaltung'));
    expect(card).toContain('#1 Letní tábor חיפה');
    expect(card).toContain('Gastgeber: Český Krumlov (CZ)');
    const stored = await database.prisma.exchange.findFirstOrThrow({ where: { number: 1 } });
    expect(stored.title).toBe(title);
  });

  it('keeps bidirectional controls in a partnership’s name out of every partner’s posts and answers', async () => {
    const edit = botOutput(await harness.run(`partner edit partnership:1 name:"${RLO}Passau – Krumlov"`));
    expect(posts(edit).get('#partnerstadt in passau')?.[0]).toBe(
      'jana (Český Krumlov) hat die Partnerschaft „Krumlov – Passau“ geändert:\nName: Krumlov – Passau → Passau – Krumlov',
    );
    expect(edit).not.toMatch(BIDI_CONTROLS);
    await harness.run(':as max\n:community passau\n:channel partnerstadt');
    const info = await answer(harness, 'partner info partnership:1');
    expect(info.split('\n')[0]).toBe(
      '• #1 Passau – Krumlov: Český Krumlov (CZ), Passau (DE) · Informell · Aktiv',
    );
    expect(info).not.toMatch(BIDI_CONTROLS);
  });

  it('stores a quote typed as \\" inside a quoted title, and a backslash typed as \\\\', async () => {
    const printed = await harness.run(
      String.raw`event create partnership:1 title:"Mlýn \"U Vltavy\" \\ 2" kind:cultural-event start:"2027-05-01 18:00"`,
    );
    expect(printed).not.toContain('✗');
    const exchange = await database.prisma.exchange.findFirstOrThrow({ orderBy: { number: 'desc' } });
    expect(exchange.title).toBe(String.raw`Mlýn "U Vltavy" \ 2`);
  });
});
