/**
 * Refusals a member meets while answering or planning, in the words of their language, naming
 * what is wrong: a slip in a command or option name (with what was meant), a time the clocks
 * skip or repeat, an answer to a cancelled or past exchange, and guests who do not fit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

describe.each(DATABASE_KINDS)('refusals in words on %s', (kind) => {
  let database: Database;
  let h: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = consoleHarness(database, '2027-03-01T10:00:00Z');
    await h.run(`${TWIN_KRUMLOV_PASSAU}
event create partnership:1 title:"Jarmark" kind:cultural-event start:"2027-04-10 10:00" capacity:2
event create partnership:1 title:"Koncert" kind:cultural-event start:"2027-04-11 19:00"
event cancel event:2`);
  });
  afterAll(async () => {
    await database.close();
  });

  it('names the time the clocks skip, and the one they repeat, with the zone', async () => {
    const skipped = await h.run(
      'event create partnership:1 title:"Noc" kind:cultural-event start:"2027-03-28 02:30"',
    );
    expect(skipped).toContain(
      `✗ ${translate('cs', 'time.nonexistent', { option: 'start', local: '2027-03-28 02:30', zone: 'Europe/Prague' })}`,
    );
    const repeated = await h.run(
      'event create partnership:1 title:"Noc" kind:cultural-event start:"2027-10-31 02:30"',
    );
    expect(repeated).toContain(
      `✗ ${translate('cs', 'time.ambiguous', { option: 'start', local: '2027-10-31 02:30', zone: 'Europe/Prague' })}`,
    );
  });

  it('writes a command a refusal points to as it is typed on the console', async () => {
    expect(await h.run('event info event:99')).toContain(
      '✗ Ve vašich partnerstvích není akce číslo 99. Viz „event list“.',
    );
  });

  it('suggests the command or option a slip meant, in the member’s language', async () => {
    expect(await h.run('evnet lsit')).toContain(
      `✗ ${translate('cs', 'command.unknown', { words: 'evnet lsit', suggestions: 'event list' })}`,
    );
    const known = Object.keys(commands['event.create'].options).join(', ');
    expect(
      await h.run('event create partnership:1 titel:"Noc" kind:cultural-event start:"2027-05-01 20:00"'),
    ).toContain(
      `✗ ${translate('cs', 'validation.unknown-option-suggested', { option: 'titel', suggestion: 'title', known })}`,
    );
    const german = await h.run(':community passau\n:channel partnerstadt\n:as max\ntown ifno');
    await h.run(':community krumlov\n:channel partneri\n:as jana');
    expect(german).toContain(
      `✗ ${translate('de', 'command.unknown', { words: 'town ifno', suggestions: 'town info' })}`,
    );
  });

  it('refuses a party larger than the whole exchange instead of waitlisting it for ever', async () => {
    const printed = await h.run('rsvp event:1 answer:going guests:2');
    expect(printed).toContain(`✗ ${translate('cs', 'rsvp.party-too-large', { capacity: 2, guests: 1 })}`);
    expect(printed).toContain('s sebou můžete vzít nejvýš 1 hosta');
    expect(await database.prisma.rsvp.count()).toBe(0);
  });

  it('refuses guests who do not fit, saying how many still do', async () => {
    await h.run(':as eva\nrsvp event:1 answer:going\n:as jana\nrsvp event:1 answer:going');
    const printed = await h.run('rsvp event:1 answer:going guests:1');
    expect(printed).toContain(`✗ ${translate('cs', 'rsvp.does-not-fit', { free: 0 })}`);
  });

  it('refuses an answer to a cancelled exchange, and to one that is over', async () => {
    expect(await h.run('rsvp event:2 answer:going')).toContain(
      `✗ ${translate('cs', 'event.cancelled', { number: 2 })}`,
    );
    h.clock.set('2027-04-10T12:00:01Z');
    expect(await h.run('rsvp event:1 answer:going')).toContain(
      `✗ ${translate('cs', 'rsvp.event-over', { number: 1 })}`,
    );
  });
});
