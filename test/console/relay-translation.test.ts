/**
 * Relayed copies with a machine translation, end to end through the console (docs/RELAY.md,
 * "Translation"): the real wiring, each client and the emulator of its service's API. A
 * Czech and a German channel each read the other's messages with a marked translation below;
 * a message already in the channel's language, or a failing service, gives the original only.
 * (relay.test.ts holds that a delivered copy keeps ids only.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { MachineTranslation } from '../../src/core/relay/machine-translation.ts';
import { DeepLClient } from '../../src/translation/deepl.ts';
import { LibreTranslateClient } from '../../src/translation/libretranslate.ts';
import { TranslationEmulator } from '../emulators/translation/translation-emulator.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, TWIN_KRUMLOV_PASSAU, type ConsoleHarness } from './console-harness.ts';

const RELAY_BOTH = `${TWIN_KRUMLOV_PASSAU}channel relay partnership:1 on
:community passau
:channel partnerstadt
:as max
channel relay partnership:1 on
`;
const IN_KRUMLOV = ':community krumlov\n:channel partneri\n:as jana';
const IN_PASSAU = ':community passau\n:channel partnerstadt\n:as max';

const SERVICES: [string, (url: string) => MachineTranslation][] = [
  ['LibreTranslate', (url) => new LibreTranslateClient({ url, apiKey: 'lt-test-key' })],
  ['DeepL', (url) => new DeepLClient({ url, apiKey: 'deepl-test-key:fx' })],
];
const CASES = DATABASE_KINDS.flatMap((kind) => SERVICES.map(([name, client]) => ({ kind, name, client })));

describe.each(CASES)('relayed copies translated by $name on $kind', ({ kind, client }) => {
  let database: Database;
  let emulator: TranslationEmulator;
  let h: ConsoleHarness;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    emulator = await new TranslationEmulator({
      libretranslate: ['lt-test-key'],
      deepl: ['deepl-test-key:fx'],
    }).start();
    h = consoleHarness(database, '2026-11-23T10:00:00Z', 'info', {
      machineTranslation: client(emulator.url),
    });
    await h.run(RELAY_BOTH);
  });
  afterEach(async () => {
    await emulator.close();
    await database.close();
  });

  it('shows each channel the other’s message, then its marked translation into the channel’s language', async () => {
    const toPassau = await h.run(`${IN_KRUMLOV}\n:say Dobrý den, Pasove!`);
    expect(toPassau).toContain(
      [
        '    jana (Český Krumlov): Dobrý den, Pasove!',
        '    ',
        `    ${translate('de', 'relay.translation-from', { source: 'cs', sourceName: 'Tschechisch' })}`,
        '    [de] Dobrý den, Pasove!',
      ].join('\n'),
    );
    expect(toPassau).toContain('🌐 Maschinelle Übersetzung aus dem Tschechischen:');
    const toKrumlov = await h.run(`${IN_PASSAU}\n:say Grüß Gott, wir kommen morgen!`);
    expect(toKrumlov).toContain('🌐 Strojový překlad z němčiny:\n    [cs] Grüß Gott, wir kommen morgen!');
    expect(emulator.requests.map(({ text, target }) => `${target.toLowerCase()}: ${text}`)).toEqual([
      'de: Dobrý den, Pasove!',
      'cs: Grüß Gott, wir kommen morgen!',
    ]);
  });

  it('translates an edit of the copy too', async () => {
    await h.run(`${IN_KRUMLOV}\n:say Sraz v 10:00`);
    const edited = await h.run(':edit msg-1 Sraz zítra v 11:00');
    expect(edited).toContain('[de] Sraz zítra v 11:00');
  });

  it('adds nothing to a message already in the channel’s language', async () => {
    const german = await h.run(`${IN_KRUMLOV}\n:say Hallo zusammen, bis morgen!`);
    expect(german).toContain('jana (Český Krumlov): Hallo zusammen, bis morgen!');
    expect(german).not.toContain('🌐');
  });

  it('sends the original alone when the service fails, logged without the words', async () => {
    emulator.fail('server-error');
    const said = await h.run(`${IN_KRUMLOV}\n:say Tajný sraz na náměstí`);
    expect(said).toMatch(
      /⇒ posted to #partnerstadt in passau as console-\d+:\n {4}jana \(Český Krumlov\): Tajný sraz na náměstí\n/,
    );
    expect(said).not.toContain('🌐');
    const warning = h.logLines.find((line) => line.includes('machine translation failed'));
    expect(warning).toMatch(/(LibreTranslate|DeepL) answered 5\d\d: the service failed/);
    expect(h.logLines.join('\n')).not.toContain('Tajný');
    expect(h.logLines.join('\n')).not.toMatch(/lt-test-key|deepl-test-key/);
  });
});
