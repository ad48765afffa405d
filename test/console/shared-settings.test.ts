/**
 * What partners may change (docs/SECURITY.md): the owning town alone changes a partnership's
 * shared settings, every change is posted to every linked channel in its language, ownership can
 * be handed over and passes on when the owner leaves; a town cancels its own announcements;
 * leaving takes a town's announcements, invites and exchanges with it. Wording is written out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import type { OptionSpec } from '../../src/core/commands/definition.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';
import { answer, posts } from './console-output.ts';
import { NAME, SETUP } from './three-towns.ts';

const AS_OXFORD = ':community oxford\n:channel twinning\n:as alice';
const AS_BONN = ':community bonn\n:channel partnerstadt\n:as bernd';
const AS_KRUMLOV = ':community krumlov\n:channel partneri\n:as jana';

/** A value of the option's type; the ownership check comes before any value is read. */
function sampleValue(spec: OptionSpec): string {
  switch (spec.type) {
    case 'integer':
      return String(spec.min ?? 1);
    case 'choice':
      return spec.choices[0]?.value ?? 'x';
    case 'boolean':
      return 'true';
    default:
      return 'x';
  }
}

/** Every shared-setting command with each of its options: derived from the definitions. */
const SHARED = commandList.filter((definition) => definition.sharedSetting);
const CHANGE_ATTEMPTS = SHARED.flatMap((definition) =>
  Object.entries(definition.options)
    .filter(([name]) => name !== 'partnership')
    .map(([name, spec]) => `${definition.path.join(' ')} partnership:1 ${name}:${sampleValue(spec)}`),
);

describe.each(DATABASE_KINDS)('shared partnership settings on %s', (kind) => {
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

  const partnershipRow = () => database.prisma.partnership.findUniqueOrThrow({ where: { number: 1 } });

  it('refuses every shared-setting change by a partner town, naming the owner, and changes nothing', async () => {
    expect(SHARED.map((d) => d.path.join(' '))).toEqual(
      expect.arrayContaining([
        'partner edit',
        'partner reminders',
        'partner digest',
        'partner invite',
        'partner handover',
      ]),
    );
    const before = { partnership: await partnershipRow(), invites: await database.prisma.invite.count() };
    const deliveries = await database.prisma.delivery.count();
    await harness.run(AS_BONN);
    for (const attempt of CHANGE_ATTEMPTS) {
      const printed = await harness.run(attempt);
      expect(printed, attempt).toContain(
        `✗ Nur Oxford, die Stadt, der die gemeinsamen Einstellungen der Partnerschaft #1 „${NAME}“ gehören, kann sie ändern. Wenden Sie sich an ihre Koordinatoren oder bitten Sie sie, die Einstellungen an Ihre Stadt zu übergeben („partner handover“).`,
      );
      expect(printed, attempt).not.toContain('⇒ posted');
    }
    await harness.run(AS_KRUMLOV);
    expect(await answer(harness, 'partner edit partnership:1 agreement-url:https://phish.example/')).toBe(
      `✗ Sdílená nastavení partnerství #1 „${NAME}“ může měnit jen město Oxford, které je spravuje. Obraťte se na jeho koordinátory, nebo je požádejte, aby nastavení předali vašemu městu („partner handover“).`,
    );
    expect({ partnership: await partnershipRow(), invites: await database.prisma.invite.count() }).toEqual(
      before,
    );
    expect(await database.prisma.delivery.count()).toBe(deliveries);
    // Showing stays open to every partner town.
    expect(await answer(harness, 'partner reminders partnership:1')).not.toMatch(/^✗/);
    expect(await answer(harness, 'partner digest partnership:1')).not.toMatch(/^✗/);
  });

  it('posts each change by the owner to every linked channel, in its language: who, what, from, to', async () => {
    await harness.run(AS_OXFORD);
    const printed = await harness.run(
      'partner edit partnership:1 name:"Twin Towns" agreement-url:https://example.org/agreement.pdf',
    );
    expect(printed).toContain('✓ Partnership updated.');
    const english = `alice (Oxford) changed the partnership “${NAME}”:\nname: ${NAME} → Twin Towns\nagreement link: — → https://example.org/agreement.pdf`;
    const german = `alice (Oxford) hat die Partnerschaft „${NAME}“ geändert:\nName: ${NAME} → Twin Towns\nLink zur Vereinbarung: — → https://example.org/agreement.pdf`;
    const czech = `alice (Oxford) změnil(a) partnerství „${NAME}“:\nnázev: ${NAME} → Twin Towns\nodkaz na smlouvu: — → https://example.org/agreement.pdf`;
    expect(Object.fromEntries(posts(printed))).toEqual({
      '#twinning in oxford': [english],
      '#partnerstadt in bonn': [german],
      '#neuigkeiten in bonn': [german],
      '#partneri in krumlov': [czech],
    });
    const status = await harness.run('partner edit partnership:1 status:dormant');
    expect(posts(status).get('#twinning in oxford')).toEqual([
      'alice (Oxford) changed the partnership “Twin Towns”:\nstatus: Active → Dormant',
    ]);
    const reminders = await harness.run('partner reminders partnership:1 offsets:off');
    expect(posts(reminders).get('#partnerstadt in bonn')).toEqual([
      'alice (Oxford) hat die Partnerschaft „Twin Towns“ geändert:\nErinnerungen: 7 Tage, 1 Tag und 1 Stunde → aus',
    ]);
    const digest = await harness.run('partner digest partnership:1 off');
    expect(posts(digest).get('#twinning in oxford')).toEqual([
      'alice (Oxford) changed the partnership “Twin Towns”:\nweekly digest: Monday 09:00 (Europe/London) → off',
    ]);
    const invite = await harness.run('partner invite partnership:1');
    expect(posts(invite).get('#twinning in oxford')?.[0]).toMatch(
      /^alice \(Oxford\) created an invite to the partnership “Twin Towns” for a further town, valid until .+\. A town that joins sees every exchange and linked channel\.$/,
    );
  });

  it('hands ownership over; the former owner is then refused and the new one may change', async () => {
    await harness.run(AS_OXFORD);
    const printed = await harness.run('partner handover partnership:1 town:bonn');
    expect(printed).toContain(`✓ Bonn now owns the shared settings of “${NAME}”.`);
    expect(posts(printed).get('#twinning in oxford')).toEqual([
      `alice (Oxford) changed the partnership “${NAME}”:\ntown owning the shared settings: Oxford → Bonn`,
    ]);
    expect(await answer(harness, 'partner edit partnership:1 name:Mine')).toBe(
      `✗ Only Bonn, the town that owns the shared settings of partnership #1 “${NAME}”, can change them. Ask its coordinators, or ask them to hand the settings over to your town (“partner handover”).`,
    );
    await harness.run(AS_BONN);
    expect(await answer(harness, 'partner handover partnership:1 town:Bonn')).toBe(
      `✗ „Bonn“ ist keine andere Stadt der Partnerschaft „${NAME}“. Ihre anderen Städte: Oxford, Český Krumlov.`,
    );
    expect(await answer(harness, 'partner edit partnership:1 form:informal')).toMatch(
      /^✓ Partnerschaft aktualisiert\./,
    );
    expect((await partnershipRow()).form).toBe('INFORMAL');
  });

  it('passes ownership to the longest-standing town when the owner leaves, revoking its invites', async () => {
    await harness.run(AS_OXFORD);
    await harness.run('partner invite partnership:1');
    const printed = await harness.run('partner leave partnership:1');
    expect(printed).toContain(
      `✓ Your town left “${NAME}”; 1 channel was unlinked.\n  0 scheduled announcements were cancelled, 1 unused invite was revoked, and 0 upcoming events go to Bonn.`,
    );
    expect(posts(printed).get('#partnerstadt in bonn')).toEqual([
      `Oxford hat die Partnerschaft „${NAME}“ verlassen.\nDie gemeinsamen Einstellungen der Partnerschaft gehören jetzt Bonn.`,
    ]);
    await harness.run(AS_BONN);
    expect(await answer(harness, 'partner invites partnership:1')).toBe(
      `• „${NAME}“ hat keine offenen Einladungen.`,
    );
    await harness.run(AS_KRUMLOV);
    expect(await answer(harness, 'partner edit partnership:1 name:X')).toMatch(
      /^✗ .* může měnit jen město Bonn,/,
    );
  });

  it('lets a town cancel its own announcements and the owner any; leaving cancels the rest and hands exchanges over', async () => {
    await harness.run(`${AS_BONN}\nannounce schedule partnership:1 text:"Stammtisch" cron:"0 18 * * 5"`);
    await harness.run(`${AS_KRUMLOV}\nannounce schedule partnership:1 text:"Sraz" cron:"0 18 * * 4"`);
    expect(await answer(harness, 'announce cancel announcement:1')).toBe(
      '✗ Oznámení #1 naplánovalo město Bonn: zrušit ho může jen ono nebo město Oxford, které spravuje sdílená nastavení partnerství.',
    );
    await harness.run(AS_OXFORD);
    expect(await answer(harness, 'announce cancel announcement:1')).toBe('✓ Announcement #1 is cancelled.');

    await harness.run(AS_KRUMLOV);
    const left = await harness.run('partner leave partnership:1');
    expect(left).toContain(
      'Zrušená naplánovaná oznámení: 1, zneplatněné nepoužité pozvánky: 0, nadcházející akce předané městu Oxford: 1.',
    );
    expect(posts(left).get('#twinning in oxford')).toEqual([
      `Český Krumlov left the partnership “${NAME}”.\nIts upcoming events are now hosted by Oxford: #1 Choir visit.`,
    ]);
    const sraz = await database.prisma.announcement.findUniqueOrThrow({ where: { number: 2 } });
    expect([sraz.status, sraz.nextRunAt]).toEqual(['CANCELLED', null]);
    // The reminders follow the exchange to its new host, in the remaining towns' channels.
    const reminders = await database.prisma.delivery.findMany({
      where: { kind: 'reminder', status: 'PENDING' },
      include: { channelLink: { include: { community: true } } },
    });
    expect(new Set(reminders.map((r) => r.channelLink?.community.externalId))).toEqual(
      new Set(['oxford', 'bonn']),
    );
    for (const reminder of reminders) expect(JSON.stringify(reminder.payload)).not.toContain('Krumlov');
    // The new host can cancel it, with the usual notice to every channel.
    await harness.run(AS_OXFORD);
    const cancelled = await harness.run('event cancel event:1');
    expect(cancelled).not.toContain('✗');
    expect(posts(cancelled).get('#partnerstadt in bonn')?.[0]).toContain('Choir visit');
  });
});
