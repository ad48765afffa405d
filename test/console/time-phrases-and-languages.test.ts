/**
 * Times typed as phrases in the town's or the member's language, and which language a member's
 * answers come in, through the console's real wiring. Monday 23 November 2026, 10:00 UTC
 * (11:00 in Prague and Kraków, winter time UTC+1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';

const SETUP = `
:community krumlov
:channel partneri
:as jana
town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs
partner invite name:"Krumlov – Kraków" form:formal
channel link partnership:1
:community krakow
:channel partnerzy
:as ola
town register name:Kraków country:PL timezone:Europe/Warsaw language:pl
partner join code:$invite
`;

/** Runs lines and returns what the console printed for the last of them (its echo dropped). */
async function lastAnswer(harness: ConsoleHarness, script: string): Promise<string> {
  const printed = await harness.run(script);
  const echoes = [...printed.matchAll(/^\S+@\S+ #\S+> .*$/gm)];
  const last = echoes.at(-1);
  return last?.index === undefined ? printed : printed.slice(last.index + last[0].length).trim();
}

describe.each(DATABASE_KINDS)('time phrases and answer languages on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    expect(await harness.run(SETUP)).not.toMatch(/^✗/m);
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates an event at "zítra 18:00" typed in a Czech town', async () => {
    const answer = await lastAnswer(
      harness,
      `:community krumlov\n:channel partneri\n:as jana\nevent create partnership:1 title:Sbor kind:cultural-event start:"zítra 18:00"`,
    );
    expect(answer).toMatch(/^• Akce #1 je vytvořená/);
    expect(answer).toContain('út 24. 11. 2026 18:00–20:00 SEČ (Europe/Prague)');
  });

  it('reads "příští pátek v 9:30" and "za 3 dny" in Czech', async () => {
    const friday = await lastAnswer(
      harness,
      `event create partnership:1 title:Trh kind:cultural-event start:"příští pátek v 9:30"`,
    );
    expect(friday).toContain('pá 4. 12. 2026 9:30–11:30 SEČ (Europe/Prague)');
    const inThreeDays = await lastAnswer(
      harness,
      `event create partnership:1 title:Výlet kind:cultural-event start:"za 3 dny"`,
    );
    expect(inThreeDays).toContain('čt 26. 11. 2026');
  });

  it('reads Polish phrases in a Polish town, and answers in Polish', async () => {
    const answer = await lastAnswer(
      harness,
      `:community krakow\n:channel partnerzy\n:as ola\nevent create partnership:1 title:Chór kind:cultural-event start:"jutro o 18:00"`,
    );
    expect(answer).toMatch(/^• Wydarzenie #\d+ utworzone/);
    expect(answer).toContain('wt., 24 lis 2026, 18:00–20:00 CET (Europe/Warsaw)');
  });

  it('answers a member whose platform is German in German, in a Czech town', async () => {
    const answer = await lastAnswer(
      harness,
      ':community krumlov\n:channel partneri\n:as petr\n:locale de\nevent info event:1',
    );
    expect(answer).toMatch(/^• Partnerschaft: Krumlov – Kraków/);
    expect(answer).toContain('Di., 24. Nov. 2026, 18:00–20:00 Uhr MEZ (Europe/Prague)');
    // Their typed times are read as German too.
    const created = await lastAnswer(
      harness,
      ':as jana\ntown coordinator add user:petr\n:as petr\nevent create partnership:1 title:Konzert kind:cultural-event start:"morgen 19:00"',
    );
    expect(created).toContain('Di., 24. Nov. 2026, 19:00–21:00 Uhr MEZ (Europe/Prague)');
  });

  it('lets the profile language win over the platform’s', async () => {
    const answer = await lastAnswer(
      harness,
      ':community krumlov\n:channel partneri\n:as petr\n:locale de\nprofile set languages:cs\nevent info event:1',
    );
    expect(answer).toMatch(/^• Partnerství: Krumlov – Kraków/);
    expect(answer).toContain('út 24. 11. 2026 18:00–20:00 SEČ (Europe/Prague)');
  });

  it('answers in the town’s language when the platform sends none', async () => {
    const answer = await lastAnswer(harness, ':as vera\n:locale none\nevent info event:1');
    expect(answer).toMatch(/^• Partnerství: Krumlov – Kraków/);
  });
});
