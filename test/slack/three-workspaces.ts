/**
 * Český Krumlov (T0001), Passau (T0002) and York (T0003) as three Slack workspaces that installed
 * the app through OAuth, in HTTP mode, with their people: jana, max and yan administer their
 * workspaces (each in the town's channel); petra and zoe are plain members beside jana and yan.
 * Nothing is registered yet.
 */
import type { SlackAdapterTuning } from '../../src/adapters/slack/slack-adapter.ts';
import type { Database } from '../../src/db/open-database.ts';
import { inviteCodeIn } from '../support/set-up-checks.ts';
import { answerText, shownInChannel, SlackHarness, type As } from './slack-harness.ts';

export interface ThreeWorkspaces {
  h: SlackHarness;
  jana: As;
  petra: As;
  max: As;
  yan: As;
  zoe: As;
}

export async function startThreeWorkspaces(
  database: Database,
  tuning?: SlackAdapterTuning,
): Promise<ThreeWorkspaces> {
  const h = await SlackHarness.start({
    mode: 'http',
    database,
    auth: 'oauth',
    workspaces: [
      { teamId: 'T0001', teamName: 'Český Krumlov', domain: 'krumlov' },
      { teamId: 'T0002', teamName: 'Passau', domain: 'passau' },
      { teamId: 'T0003', teamName: 'York', domain: 'york' },
    ],
    ...(tuning ? { tuning } : {}),
  });
  for (const team of ['T0001', 'T0002', 'T0003']) await h.install(team);
  const admin = (teamId: string, name: string, channel: string): As => ({
    teamId,
    channelId: h.slack.addChannel({ teamId, name: channel }).id,
    userId: h.slack.addUser({ teamId, name, isAdmin: true }).id,
  });
  const beside = (person: As, name: string): As => ({
    ...person,
    userId: h.slack.addUser({ teamId: person.teamId ?? '', name }).id,
  });
  const jana = admin('T0001', 'jana', 'partneri');
  const yan = admin('T0003', 'yan', 'twins');
  return {
    h,
    jana,
    petra: beside(jana, 'petra'),
    max: admin('T0002', 'max', 'partnerstadt'),
    yan,
    zoe: beside(yan, 'zoe'),
  };
}

/**
 * Český Krumlov (jana) and Passau (max) registered and twinned in partnership 1, Krumlov's
 * channel linked by jana and Passau's by max's join. Throws at a step the bot refused.
 */
export async function twinKrumlovAndPassau(h: SlackHarness, jana: As, max: As): Promise<void> {
  const done = async (text: string, as: As) => shownInChannel(await h.command(text, as), text);
  await done('town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs', jana);
  const invite = await h.command('partner invite name:"Krumlov – Passau"', jana);
  await h.done('channel link partnership:1', jana);
  await done('town register name:Passau country:DE timezone:Europe/Berlin language:de', max);
  await h.done(`partner join code:${inviteCodeIn(answerText(invite))}`, max);
}
