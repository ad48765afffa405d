/**
 * Every bad input gets a clear, translated answer and writes nothing; an unexpected failure
 * answers with a reference that is also in the log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';

const SETUP = `
:community oxford
:channel twinning
:as alice
town register name:Oxford country:GB timezone:Europe/London language:en
partner invite name:"Oxford – Bonn" form:formal
channel link partnership:1
event create partnership:1 title:"Choir visit" kind:cultural-event start:"2027-05-01 18:00" capacity:10
`;

async function tableCounts(database: Database): Promise<Record<string, number>> {
  const p = database.prisma;
  return {
    community: await p.community.count(),
    town: await p.town.count(),
    member: await p.member.count(),
    partnership: await p.partnership.count(),
    partnershipTown: await p.partnershipTown.count(),
    invite: await p.invite.count(),
    channelLink: await p.channelLink.count(),
    exchange: await p.exchange.count(),
    rsvp: await p.rsvp.count(),
    announcement: await p.announcement.count(),
    delivery: await p.delivery.count(),
    auditEntry: await p.auditEntry.count(),
  };
}

/** Runs one line and returns the single answer the console printed for it. */
async function answer(harness: ConsoleHarness, line: string): Promise<string> {
  const printed = await harness.run(line);
  return printed.split('\n').slice(1).join('\n').trim();
}

describe.each(DATABASE_KINDS)('bad input on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database, '2026-11-23T10:00:00Z');
    await harness.run(SETUP);
  });
  // Each test starts as alice in Oxford at the set-up's time, whatever the one before it did.
  beforeEach(async () => {
    harness.clock.set('2026-11-23T10:00:00Z');
    await harness.run(':community oxford\n:channel twinning\n:as alice');
  });
  afterAll(async () => {
    await database.close();
  });

  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate('en', key, params);

  it.each([
    [
      'event create partnership:1 kind:youth-exchange start:"2027-01-01 10:00"',
      t('validation.missing-option', { option: 'title' }),
    ],
    [
      'event create partnership:1 title:A kind:youth-exchange start:"2027-01-01 10:00" colour:red',
      'There is no option “colour” here.',
    ],
    [
      'event create partnership:1 title:A kind:youth-exchange start:"the day after never"',
      t('time.unparseable', { option: 'start', input: 'the day after never' }),
    ],
    [
      'event create partnership:1 title:A kind:youth-exchange start:"2027-01-02 10:00" end:"2027-01-01 10:00"',
      'must come after the start',
    ],
    [
      'event create partnership:1 title:A kind:youth-exchange start:"2027-01-01 10:00" capacity:-3',
      t('validation.too-small', { option: 'capacity', min: 1 }),
    ],
    [
      `event create partnership:1 title:"${'x'.repeat(10_000)}" kind:youth-exchange start:"2027-01-01 10:00"`,
      t('validation.too-long', { option: 'title', max: 200 }),
    ],
    [
      'event create partnership:7 title:A kind:youth-exchange start:"2027-01-01 10:00"',
      t('partner.not-found', { number: 7 }),
    ],
    ['town register name:X country:XX timezone:Europe/Prague language:cs', 'already runs the town Oxford'],
    ['rsvp event:1 answer:going guests:30', t('validation.too-large', { option: 'guests', max: 20 })],
    ['event edit event:1', t('event.nothing-to-change')],
    [
      'announce schedule partnership:1 text:Hi cron:"61 * * * *"',
      t('announce.bad-cron-field', { cron: '61 * * * *', field: 'minute', value: '61', min: 0, max: 59 }),
    ],
    ['announce schedule partnership:1 text:Hi', t('announce.at-or-cron')],
    ['event fly', 'I do not know the command “event fly”'],
    [
      `profile set interests:"choir, ${'x'.repeat(51)}"`,
      'An item of “interests” is too long: each may have at most 50 characters.',
    ],
    [`profile set interests:${'a,'.repeat(21)}`, '“interests” takes at most 20 items.'],
  ])('refuses bad input #%#', async (line, expected) => {
    const before = await tableCounts(database);
    const printed = await answer(harness, line);
    expect(printed.startsWith('✗')).toBe(true);
    expect(printed).toContain(expected);
    expect(await tableCounts(database)).toEqual(before);
  });

  it('writes help and usage lines in the console’s syntax: no slash, options as name:value', async () => {
    const list = await answer(harness, 'help');
    expect(list.startsWith(`• ${t('help.heading', { quotes: '"…"' })}`)).toBe(true);
    expect(list).toContain('\n    town info ');
    expect(list).toContain(t('help.footer', { example: 'help event create' }));
    const usage = t('command.usage', { usage: 'event info event:<number>' });
    expect(await answer(harness, 'help event info')).toContain(usage);
    expect(await answer(harness, 'event info event:first')).toContain(`\n  ${usage}`);
  });

  it('refuses an unknown invite code, writing only the failure the throttle counts', async () => {
    const before = await tableCounts(database);
    const failures = await database.prisma.inviteFailure.count();
    const printed = await answer(harness, 'partner join code:AAAA-BBBB-CCCC-DDDD');
    expect(printed).toBe(`✗ ${t('invite.invalid')}`);
    expect(await tableCounts(database)).toEqual({ ...before, auditEntry: (before.auditEntry ?? 0) + 1 });
    expect(await database.prisma.inviteFailure.count()).toBe(failures + 1);
  });

  it('refuses unknown countries and zones when registering', async () => {
    const towns = await database.prisma.town.count();
    await harness.run(':community nowhere');
    expect(
      await answer(harness, 'town register name:X country:XX timezone:Europe/Prague language:cs'),
    ).toContain(t('town.unknown-country', { country: 'XX' }));
    expect(
      await answer(harness, 'town register name:X country:CZ timezone:Mars/Olympus language:cs'),
    ).toContain(t('time.unknown-zone', { zone: 'Mars/Olympus' }));
    expect(await database.prisma.town.count()).toBe(towns);
  });

  it('keeps coordinator commands from members', async () => {
    await harness.run(':as bob');
    const before = await tableCounts(database);
    expect(await answer(harness, 'event cancel event:1')).toContain(
      t('permission.coordinator-only', { command: 'event cancel' }),
    );
    // Bob's first command registered him as a member of Oxford; the refused one wrote nothing more.
    expect(await tableCounts(database)).toEqual(before);
    await harness.run(':as alice');
  });

  it('refuses reused and expired invite codes', async () => {
    const invited = await harness.run('partner invite partnership:1 days:1');
    const code = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})/.exec(invited)?.[1] ?? '';
    await harness.run(
      `:community bonn\n:as bernd\ntown register name:Bonn country:DE timezone:Europe/Berlin language:de`,
    );
    harness.clock.set('2026-11-25T10:00:00Z');
    const expiredPrefix = translate('de', 'invite.expired', { expired: '§' }).split('§')[0] ?? '';
    expect(await answer(harness, `partner join code:${code}`)).toContain(`✗ ${expiredPrefix}`);
    harness.clock.set('2026-11-23T11:00:00Z');
    expect(await answer(harness, `partner join code:${code}`)).toMatch(/^✓/);
    await harness.run(
      ':community cologne\n:as clara\ntown register name:Köln country:DE timezone:Europe/Berlin language:de',
    );
    expect(await answer(harness, `partner join code:${code}`)).toContain(translate('de', 'invite.used'));
  });

  it('answers an unexpected failure with a reference that is in the log', async () => {
    const broken = consoleHarness(
      {
        ...database,
        prisma: new Proxy(database.prisma, {
          get(target, property, receiver) {
            if (property === '$transaction') return () => Promise.reject(new Error('disk on fire'));
            return Reflect.get(target, property, receiver) as unknown;
          },
        }),
      },
      '2026-11-23T10:00:00Z',
    );
    const printed = await broken.run('town info');
    const ref = /\(ref ([0-9a-f]{8})\)/.exec(printed)?.[1];
    expect(ref).toBeDefined();
    expect(printed).not.toContain('disk on fire');
    const logged = broken.logLines.map(
      (line) =>
        JSON.parse(line) as { ref?: string; command?: string; input?: unknown; err?: { message?: string } },
    );
    const entry = logged.find((e) => e.ref === ref);
    expect(entry?.err?.message).toBe('disk on fire');
    // The command and its option names, never what was typed (docs/SECURITY.md, Logs).
    expect(entry?.command).toBe('town.info');
    expect(entry?.input).toEqual({ options: {} });
  });
});
