/**
 * Forms, statuses and areas of a partnership are shown in the reader's language, not as the
 * words typed for them. Expected wording is written out here, not produced by the translator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';

describe.each(DATABASE_KINDS)('partnership vocabulary in answers on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database);
    await harness.run(`
:community krumlov
:channel partneri
:as jana
town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs
partner invite name:"Krumlov – Passau" form:formal areas:culture,youth,urban-development
`);
  });
  afterAll(() => database.close());

  it('labels form, status and areas in Czech for a Czech town', async () => {
    await harness.run('profile set languages:cs');
    const info = await harness.run('partner info partnership:1');
    expect(info).toContain('#1 Krumlov – Passau: Český Krumlov (CZ) · Formální smlouva · Navrženo');
    expect(info).toContain('Oblasti: kultura, mládež, rozvoj měst');
  });

  it('labels them in German for a member who reads German', async () => {
    await harness.run('profile set languages:de');
    const list = await harness.run('partner edit partnership:1 status:dormant form:joint-project');
    expect(list).toContain('#1 Krumlov – Passau: Český Krumlov (CZ) · Gemeinsames Projekt · Ruhend');
    const refused = await harness.run(
      'event create partnership:1 title:Tábor kind:youth-exchange start:"2026-12-01 10:00"',
    );
    expect(refused).toContain('Partnerschaft #1 hat den Status „Ruhend“');
  });
});
