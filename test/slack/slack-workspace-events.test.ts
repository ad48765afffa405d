/**
 * Through the real Bolt app and the Slack emulator, in HTTP and Socket Mode, with workspaces
 * installed through OAuth: a `<@U…>` mention in a `/twin` command names the person, and
 * `tokens_revoked` for the bot's token makes the bot forget the workspace as `app_uninstalled`
 * does (a revocation of users' tokens only does not). Wording checked literally in Czech.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { answerText, SLACK_MODES, SlackHarness, unescaped, type As } from './slack-harness.ts';

describe.each(SLACK_MODES)('Slack workspace events in %s mode', (mode) => {
  let database: Database;
  let h: SlackHarness;
  let jana: As;
  let petra: As & { userId: string };
  let passauChannel: string;

  beforeEach(async () => {
    database = await createTestDatabase('embedded');
    h = await SlackHarness.start({
      mode,
      database,
      auth: 'oauth',
      workspaces: [
        { teamId: 'T0001', teamName: 'Český Krumlov', domain: 'krumlov' },
        { teamId: 'T0002', teamName: 'Passau', domain: 'passau' },
      ],
    });
    await h.install('T0001');
    await h.install('T0002');
    const partneri = h.slack.addChannel({ teamId: 'T0001', name: 'partneri' }).id;
    passauChannel = h.slack.addChannel({ teamId: 'T0002', name: 'partnerstadt' }).id;
    jana = {
      teamId: 'T0001',
      channelId: partneri,
      userId: h.slack.addUser({ teamId: 'T0001', name: 'jana', isAdmin: true }).id,
    };
    petra = {
      teamId: 'T0001',
      channelId: partneri,
      userId: h.slack.addUser({ teamId: 'T0001', name: 'petra' }).id,
    };
    const registered = await h.command(
      'town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs',
      jana,
    );
    expect(answerText(registered)).toMatch(/^Vítejte, Český Krumlov/);
  });
  afterEach(async () => {
    await h.stop();
    await database.close();
  });

  it('reads a Slack user mention as the person it names', async () => {
    // Petra has used the bot once, so it knows her name.
    await h.command('town info', petra);
    const denied = await h.command('partner invite name:"Krumlov – Passau"', petra);
    expect(unescaped(answerText(denied))).toContain(
      '„partner invite“ může použít jen koordinátor vašeho města.',
    );

    const added = await h.command(`town coordinator add user:<@${petra.userId}|petra>`, jana);
    expect(unescaped(answerText(added))).toBe('petra je nyní koordinátorem města Český Krumlov.');
    const member = await database.prisma.member.findFirstOrThrow({ where: { platformUserId: petra.userId } });
    expect(member).toMatchObject({ role: 'COORDINATOR', displayName: 'petra' });
    const invited = await h.command('partner invite name:"Krumlov – Passau"', petra);
    expect(unescaped(answerText(invited))).toMatch(/^Partnerství #1 „Krumlov – Passau“/);

    const removed = await h.command(`town coordinator remove user:<@${petra.userId}>`, jana);
    expect(unescaped(answerText(removed))).toBe('petra už není koordinátorem města Český Krumlov.');
    expect((await database.prisma.member.findUniqueOrThrow({ where: { id: member.id } })).role).toBe(
      'MEMBER',
    );
  });

  async function sendEvent(teamId: string, event: { type: string } & Record<string, unknown>): Promise<void> {
    if (mode === 'http') expect((await h.http().event({ teamId, event })).status).toBe(200);
    else await h.slack.socket.event({ teamId, event }).waitForAck();
  }

  const installedTeams = async () =>
    (await database.prisma.slackInstallation.findMany({ orderBy: { id: 'asc' } })).map((row) => row.id);

  it('forgets a workspace whose bot token was revoked, and keeps one whose user tokens were', async () => {
    // Users' tokens only (the bot's stays valid): sent first, so it is handled before the next one.
    await sendEvent('T0001', { type: 'tokens_revoked', tokens: { oauth: [jana.userId] } });
    const passauBot = h.slack.workspace('T0002').botUserId;
    await sendEvent('T0002', { type: 'tokens_revoked', tokens: { bot: [passauBot] } });
    // Deleting the tokens is logged once done (the users-only revocation logs nothing).
    await h.logged('was uninstalled');
    expect(await installedTeams()).toEqual(['T0001']);

    // Posting for Passau now finds no token: the channel is lost, not retried.
    const lost = await h.adapter.poster.post(
      {
        platform: 'SLACK',
        communityExternalId: 'T0002',
        channelId: passauChannel,
        channelName: 'partnerstadt',
      },
      { text: 'after the revocation' },
      'delivery-after-revocation',
    );
    expect(lost).toMatchObject({ ok: false, channelBroken: true });
    expect(h.slack.messages(passauChannel)).toEqual([]);
    // Krumlov still works.
    expect(answerText(await h.command('town info', jana))).toContain('Český Krumlov (Česko)');
  });
});
