/**
 * What `town info`, `channel relay`, `channel link` (a language changed), `channel unlink` and
 * `town coordinator remove` answer, word for word, and what each writes to the audit log: once
 * per change, nothing for a command that changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

describe.each(DATABASE_KINDS)('town and channel answers, on %s', (kind) => {
  let database: Database;
  let h: ConsoleHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    h = consoleHarness(database, '2027-03-01T10:00:00Z');
    await h.run(TWIN_KRUMLOV_PASSAU);
  });
  afterEach(() => database.close());

  /** The answer without the prompt line the console echoes, its indented lines kept (town info's). */
  const answer = async (line: string) => (await h.run(line)).split('\n').slice(1).join('\n').trimEnd();
  const channelAudit = () =>
    database.prisma.auditEntry.findMany({
      where: { action: { startsWith: 'channel.' } },
      select: { action: true, details: true },
      orderBy: { at: 'asc' },
    });

  it('town info lists each partnership with the partner towns, or says there is none yet', async () => {
    expect(await answer('town info')).toBe(
      [
        '• Český Krumlov (Česko) · časové pásmo Europe/Prague · jazyk čeština',
        '  Koordinátoři: jana',
        '  Partnerství:',
        '    #1 Krumlov – Passau: Passau',
      ].join('\n'),
    );
    await h.run('partner invite name:"Krumlov – Linz"');
    expect(await answer('town info')).toContain('    #1 Krumlov – Passau: Passau\n    #2 Krumlov – Linz: —');
    await h.run(':community graz\n:channel partner\n:as gerda');
    await h.run('town register name:Graz country:AT timezone:Europe/Vienna language:de');
    expect(await answer('town info')).toBe(
      [
        '• Graz (Österreich) · Zeitzone Europe/Vienna · Sprache Deutsch',
        '  Koordinatoren: gerda',
        '  Noch keine Partnerschaften: Starten Sie eine mit „partner invite“.',
      ].join('\n'),
    );
  });

  it('relay on and off: said in the channel, audited once per change', async () => {
    const on =
      '✓ Zprávy v #partneri se teď v rámci „Krumlov – Passau“ přeposílají: zatím nepřeposílá žádný partnerský kanál; začne to, jakmile to některý zapne.';
    expect(await answer('channel relay partnership:1 relay:on')).toBe(on);
    expect(await answer('channel relay partnership:1 relay:on')).toBe(on);
    expect(await answer('channel relay partnership:1 relay:off')).toBe(
      '✓ Zprávy v #partneri se v rámci „Krumlov – Passau“ už nepřeposílají.',
    );
    expect((await channelAudit()).slice(1)).toEqual([
      { action: 'channel.relay', details: { relay: true } },
      { action: 'channel.relay', details: { relay: false } },
    ]);
  });

  it('another language for a linked channel, then unlinked: said and audited', async () => {
    expect(await answer('channel link partnership:1 language:de')).toBe(
      '✓ Příspěvky „Krumlov – Passau“ v tomto kanálu (#partneri) teď chodí v jazyce „němčina“ (dříve „čeština“).',
    );
    expect(await answer('channel link partnership:1')).toBe(
      '✗ Tento kanál (#partneri) už je propojen s „Krumlov – Passau“, příspěvky jsou v jazyce „němčina“. Jiný jazyk nastavíte takto: channel link partnership:1 language:<code>',
    );
    expect(await answer('channel unlink partnership:1')).toBe(
      '✓ Tento kanál (#partneri) už nedostává příspěvky z „Krumlov – Passau“.',
    );
    expect((await channelAudit()).slice(1)).toEqual([
      { action: 'channel.language', details: { language: 'de' } },
      { action: 'channel.unlink', details: { channel: 'partneri' } },
    ]);
  });

  it('refuses to remove as coordinator someone the bot has never seen, by the name given', async () => {
    expect(await answer('town coordinator remove user:nobody')).toBe(
      '✗ nobody není koordinátorem vašeho města.',
    );
  });
});
