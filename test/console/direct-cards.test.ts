/**
 * Cards in direct messages on the console: the card a member got when moving up from the
 * waitlist is redrawn as cancelled once the exchange is cancelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

describe.each(DATABASE_KINDS)('Console: cards in direct messages on %s', (kind) => {
  let database: Database;
  let h: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = consoleHarness(database);
    await h.run(TWIN_KRUMLOV_PASSAU);
  });

  afterAll(async () => {
    await database.close();
  });

  it('redraws the waitlist message as cancelled once the exchange is cancelled', async () => {
    const promoted =
      await h.run(`event create partnership:1 title:"Beseda" kind:citizens-meeting start:"2027-03-12 18:00" capacity:1
:as petra
rsvp event:1 answer:going
:as lena
rsvp event:1 answer:going
:as petra
rsvp event:1 answer:no`);
    expect(promoted).toContain(
      '  ⇒ direct message to lena in krumlov:\n    Uvolnilo se místo: z čekací listiny jste se posunuli mezi přihlášené na „Beseda“.\n',
    );
    const cancelled = await h.run(':as jana\nevent cancel event:1 reason:"Sál je obsazený"');
    // The console prints the lines an edit changed: the headline and the status.
    expect(cancelled).toContain(
      [
        '  ⇒ console-4 to lena in krumlov now reads:',
        '    Zrušeno (pořadatel: Český Krumlov): „Beseda“. Sál je obsazený',
        '      Stav: Zrušeno',
        '',
      ].join('\n'),
    );
  });

  it('writes a direct message in the platform language the member’s last command came with', async () => {
    // Otto, in the Czech town with no profile language, uses a German client; Petra, whose
    // answer moves him up, a Czech one.
    await h.run(`:as jana
event create partnership:1 title:"Jarmark" kind:cultural-event start:"2027-04-10 10:00" capacity:1
:as petra
rsvp event:2 answer:going
:as otto
:locale de
rsvp event:2 answer:going
:locale none`);
    const member = await database.prisma.member.findFirstOrThrow({ where: { platformUserId: 'otto' } });
    expect(member.platformLocale).toBe('de');
    const promoted = await h.run(':as petra\n:locale cs\nrsvp event:2 answer:no\n:locale none\n:as jana');
    expect(promoted).toContain(
      '  ⇒ direct message to otto in krumlov:\n    Ein Platz ist frei geworden: Sie sind von der Warteliste nachgerückt und bei „Jarmark“ dabei.\n',
    );
  });
});
