/**
 * A whole scenario per adapter with debug logging through the production logger, then a scan of
 * everything captured for every configured secret, every invite code created and the free text of
 * a command that failed. The console's failure is a real one: a table the join needs is renamed
 * away for one command, so the command bus logs the failure (and must not log what was typed).
 * Slack installs through OAuth (client secret, code, state travel in Bolt's debug lines) and
 * keeps its installations sealed.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { consoleHarness } from '../console/console-harness.ts';
import { DiscordHarness, PEOPLE, twinTowns } from '../discord/discord-harness.ts';
import { answerText, type As, SlackHarness } from '../slack/slack-harness.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { createTestDatabase } from '../support/test-database.ts';

/** Every needle found in the haystacks, as `what: needle`. */
function leaks(haystacks: readonly string[], needles: Record<string, string | RegExp>): string[] {
  const text = haystacks.join('\n');
  return Object.entries(needles)
    .filter(([, needle]) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text)))
    .map(([what, needle]) => `${what}: ${String(needle)}`);
}

/** Runs `work` while a table is renamed away: a real database failure in the middle of a command. */
async function failingWhileAway<T>(database: Database, table: string, work: () => Promise<T>): Promise<T> {
  await database.prisma.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}_away"`);
  try {
    return await work();
  } finally {
    await database.prisma.$executeRawUnsafe(`ALTER TABLE "${table}_away" RENAME TO "${table}"`);
  }
}

const FREE_TEXT = 'Vereinsabend im Rathauskeller, Schlüssel bei Frau Maier';

describe('secrets in the console’s logs', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('embedded');
  });
  afterAll(() => database.close());

  it('logs neither invite codes nor what a failed command carried, and hands the input back', async () => {
    const h = consoleHarness(database, '2026-11-23T10:00:00Z', 'debug');
    const invited = await h.run(
      [
        ':community oxford',
        ':channel twinning',
        ':as alice',
        'town register name:Oxford country:GB timezone:Europe/London language:en',
        'partner invite name:"Oxford – Bonn" form:formal',
        'channel link partnership:1',
      ].join('\n'),
    );
    const code = inviteCodeIn(invited);
    const second = inviteCodeIn(await h.run('partner invite partnership:1 days:2'));
    await h.run(
      ':community bonn\n:as bernd\ntown register name:Bonn country:DE timezone:Europe/Berlin language:en',
    );
    const join = await failingWhileAway(database, 'PartnershipTown', () =>
      h.run(`partner join code:${code}`),
    );
    const announce = await failingWhileAway(database, 'Delivery', () =>
      h.run(`:community oxford\n:as alice\nannounce send partnership:1 text:"${FREE_TEXT}"`),
    );
    for (const failed of [join, announce]) expect(failed).toContain('Something went wrong on my side (ref ');
    expect(join).toContain(
      `Nothing you entered was saved. Here it is, to try again later: partner join code:${code}`,
    );
    expect(announce).toContain(`to try again later: announce send partnership:1 text:"${FREE_TEXT}"`);
    expect(h.logLines.filter((line) => line.includes('command failed unexpectedly'))).toHaveLength(2);
    expect(
      leaks(h.logLines, { code, second, 'free text': FREE_TEXT, 'free text word': 'Rathauskeller' }),
    ).toEqual([]);
  });
});

describe('secrets in Slack’s logs (OAuth, HTTP mode)', () => {
  let database: Database;
  let h: SlackHarness;
  let codes: string[];
  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    h = await SlackHarness.start({
      mode: 'http',
      database,
      auth: 'oauth',
      tokenKey: randomBytes(32),
      workspaces: [
        { teamId: 'T0001', teamName: 'Český Krumlov', domain: 'krumlov' },
        { teamId: 'T0002', teamName: 'Passau', domain: 'passau' },
      ],
    });
    await h.install('T0001');
    await h.install('T0002');
    const channel = (teamId: string, name: string) => h.slack.addChannel({ teamId, name }).id;
    const jana: As = { teamId: 'T0001', channelId: channel('T0001', 'partneri') };
    const max: As = { teamId: 'T0002', channelId: channel('T0002', 'partnerstadt') };
    // Workspace admins: registering a town needs the platform's admin right.
    jana.userId = h.slack.addUser({ teamId: 'T0001', name: 'jana', isAdmin: true }).id;
    max.userId = h.slack.addUser({ teamId: 'T0002', name: 'max', isAdmin: true }).id;
    const run = async (text: string, as: As) => {
      const answer = await h.command(text, as);
      await h.drain();
      return answerText(answer);
    };
    await run('town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs', jana);
    const code = inviteCodeIn(await run('partner invite name:"Krumlov – Passau" form:formal', jana));
    await run('channel link partnership:1', jana);
    await run('town register name:Passau country:DE timezone:Europe/Berlin language:de', max);
    await run(`partner join code:${code}`, max);
    const spare = inviteCodeIn(await run('partner invite partnership:1 days:2', jana));
    await run('channel link partnership:1', max);
    await run(`announce send partnership:1 text:"${FREE_TEXT}"`, jana);
    codes = [code, spare];
  }, 60_000);

  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('keeps every configured secret, token, OAuth code and state, invite code and message text out of the log', async () => {
    const lines = h.logLines;
    // The scenario did log at debug, including the Web API's request bodies.
    expect(lines.some((line) => line.includes('http request body'))).toBe(true);
    const installed = await database.prisma.slackInstallation.findMany();
    expect(installed).toHaveLength(2);
    const needles: Record<string, string | RegExp> = {
      'client secret': h.config.oauth?.clientSecret ?? '',
      'state secret': h.config.oauth?.stateSecret ?? '',
      'signing secret': h.config.signingSecret ?? '',
      'bot token T0001': h.slack.workspace('T0001').botToken,
      'bot token T0002': h.slack.workspace('T0002').botToken,
      'any Slack token': /xox[a-z]-/,
      'OAuth code': /T000[12]\.[A-Za-z0-9]+\.oauth/,
      'OAuth state': /state=(?!\[redacted\])[^&\s"]+/,
      'message text': 'Rathauskeller',
    };
    for (const [index, code] of codes.entries()) needles[`invite ${index}`] = code;
    expect(leaks(lines, needles)).toEqual([]);
    // Nor is a token in the database in the clear.
    expect(leaks([JSON.stringify(installed)], { 'stored token': /xox[a-z]-/ })).toEqual([]);
  });
});

describe('secrets in Discord’s logs', () => {
  let database: Database;
  let h: DiscordHarness;
  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    h = await DiscordHarness.start({ database });
  }, 60_000);
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  it('keeps the bot token, invite codes and a failed command’s text out of the log', async () => {
    await twinTowns(h);
    const { jana } = PEOPLE;
    const invited = await h.command({
      ...jana,
      name: 'partner',
      subcommand: 'invite',
      options: { partnership: 1 },
    });
    const code = inviteCodeIn(invited.text);
    await h.command({
      ...jana,
      name: 'announce',
      subcommand: 'send',
      options: { partnership: 1, text: 'Sommerfest' },
    });
    await h.drain();
    const failed = await failingWhileAway(database, 'Delivery', () =>
      h.command({
        ...jana,
        name: 'announce',
        subcommand: 'send',
        options: { partnership: 1, text: FREE_TEXT },
      }),
    );
    expect(failed.text).toContain(`announce send partnership:1 text:"${FREE_TEXT}"`);
    expect(failed.ephemeral).toBe(true);
    expect(h.logLines.filter((line) => line.includes('command failed unexpectedly'))).toHaveLength(1);
    expect(leaks(h.logLines, { token: h.config.token, code, 'free text': 'Rathauskeller' })).toEqual([]);
  });
});
