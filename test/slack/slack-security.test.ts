/**
 * Issue 10's Slack items end to end (real Bolt app, Slack emulator, real core and database): a
 * workspace not on SLACK_ALLOWED_TEAMS reaches nothing; `channel link` and `partner join` in a
 * channel the bot is not in are refused at once with the fix; a member exports and forgets their
 * data. The routing tests check the adapter's half of each with a fake connection; this checks
 * that the halves meet. Texts written out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import type { ResponsePost } from '../emulators/slack/slack-emulator.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { petraExport, UUID } from '../support/export-text.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { answerText, shownInChannel, unescaped, type As, type SlackHarness } from './slack-harness.ts';
import { startThreeWorkspaces } from './three-workspaces.ts';

function privateText(answer: ResponsePost): string {
  expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
  return unescaped(answerText(answer));
}

describe.each(DATABASE_KINDS.slice(-1))('Slack security end to end on %s', (kind) => {
  let database: Database;
  let h: SlackHarness;
  let jana: As;
  let max: As;
  let petra: As;
  let york: As;
  let code: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    ({
      h,
      jana,
      max,
      petra,
      yan: york,
    } = await startThreeWorkspaces(database, {
      allowedTeams: ['T0001', 'T0002'],
    }));
    const done = async (text: string, as: As) => shownInChannel(await h.command(text, as), text);
    await done('town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs', jana);
    code = inviteCodeIn(answerText(await h.command('partner invite name:"Krumlov – Passau"', jana)));
    await h.done('channel link partnership:1', jana);
    await done('town register name:Passau country:DE timezone:Europe/Berlin language:de', max);
    await h.command(
      'event create partnership:1 title:"Letní tábor" kind:youth-exchange start:"2027-07-06 10:00"',
      jana,
    );
    await h.drain();
  }, 60_000);
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('answers a workspace that is not allowed with the refusal alone, recording nothing', async () => {
    const communities = await database.prisma.community.count();
    const members = await database.prisma.member.count();
    // Bolt's acknowledgement carries the refusal: Slack shows it to the person alone.
    const delivery = await h.http().slashCommand({
      command: '/twin',
      text: 'town register name:York country:GB timezone:Europe/London language:en',
      ...york,
    });
    expect(delivery.status).toBe(200);
    expect(delivery.body).toBe(
      'Twinbridge is not enabled for this server or workspace. Ask the operator of this bot to allow it.',
    );
    expect(await database.prisma.community.count()).toBe(communities);
    expect(await database.prisma.member.count()).toBe(members);
    expect(h.logLines.some((line) => line.includes('Slack: request from a workspace not allowed'))).toBe(
      true,
    );
  });

  it('refuses to link or join in a channel the bot is not in, naming /invite, linking nothing', async () => {
    const quiet = h.slack.addChannel({ teamId: 'T0001', name: 'bez-bota', botIsMember: false });
    const linked = await h.command('channel link partnership:1', { ...jana, channelId: quiet.id });
    expect(privateText(linked)).toBe(
      'Nejsem členem kanálu #bez-bota, takže do něj nemohu psát. Přidejte mě v tom kanálu příkazem /invite @Twinbridge a zkuste to znovu.',
    );
    const stille = h.slack.addChannel({ teamId: 'T0002', name: 'stille', botIsMember: false });
    const joined = await h.command(`partner join code:${code}`, { ...max, channelId: stille.id });
    expect(privateText(joined)).toBe(
      'Ich bin nicht Mitglied von #stille und kann dort nicht posten. Fügen Sie mich in diesem Kanal mit /invite @Twinbridge hinzu und versuchen Sie es erneut.',
    );
    expect(
      await database.prisma.channelLink.count({ where: { channelId: { in: [quiet.id, stille.id] } } }),
    ).toBe(0);
    // Passau is still free to join from a channel the bot is in: the invite was not used up.
    await h.done(`partner join code:${code}`, max, 'partner join');
  });

  it('exports a member’s data to them alone and forgets it when confirmed', async () => {
    await h.command('profile set languages:en interests:"choir, cycling"', petra);
    await h.command('rsvp event:1 answer:going', petra);
    const exported = privateText(await h.command('profile export', petra));
    expect(exported.replace(UUID, '<id>')).toBe(
      petraExport({
        name: 'petra',
        account: `Slack user ${petra.userId ?? ''} in “krumlov” (T0001)`,
        exchangeTitle: 'Letní tábor',
        // The emulator's users.info gives no locale for Petra.
        platformLanguage: '—',
        forget: '/twin profile forget',
      }),
    );

    const forgotten = privateText(await h.command('profile forget confirm:yes', petra));
    expect(forgotten).toMatch(
      /^Your data in this community is deleted\. 1 answer stays in the events’ counts/,
    );
    expect(await database.prisma.member.count({ where: { platformUserId: petra.userId ?? '' } })).toBe(0);
    const afterwards = privateText(await h.command('profile export', petra));
    expect(afterwards).not.toContain('choir');
  });
});
