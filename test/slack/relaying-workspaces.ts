/**
 * Český Krumlov (T0001, #partneri, jana) and Passau (T0002, #partnerstadt, max) as two Slack
 * workspaces in one partnership, both channels linked and relaying (`channel relay partnership:1
 * on`), the app subscribed to the message events of its manifest. HTTP mode with answers sent
 * once the listeners finished, so a member's message resolves once the relay has it.
 */
import { SLACK_BOT_SCOPES } from '../../src/adapters/slack/manifest.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { SlackEmulator } from '../emulators/slack/slack-emulator.ts';
import type { MessageEventName } from '../emulators/slack/member-messages.ts';
import { SlackHarness, type As } from './slack-harness.ts';
import { twinKrumlovAndPassau } from './three-workspaces.ts';

export interface RelayingWorkspaces {
  h: SlackHarness;
  jana: Required<As>;
  max: Required<As>;
}

export interface RelayingOptions {
  /** Passau's granted scopes (default the manifest's). */
  passauScopes?: readonly string[];
  /** The message events the app subscribes to (default the manifest's). */
  events?: readonly MessageEventName[];
  apiUrl?: (emulator: SlackEmulator) => string;
}

export async function startRelayingWorkspaces(
  database: Database,
  options: RelayingOptions = {},
): Promise<RelayingWorkspaces> {
  const h = await SlackHarness.start({
    mode: 'http',
    database,
    auth: 'oauth',
    workspaces: [
      { teamId: 'T0001', teamName: 'Český Krumlov', domain: 'krumlov', scopes: [...SLACK_BOT_SCOPES] },
      {
        teamId: 'T0002',
        teamName: 'Passau',
        domain: 'passau',
        scopes: options.passauScopes ?? [...SLACK_BOT_SCOPES],
      },
    ],
    tuning: { processBeforeResponse: true },
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
  });
  h.slack.members.subscribe(options.events ?? ['message.channels', 'message.groups']);
  for (const team of ['T0001', 'T0002']) await h.install(team);
  const admin = (teamId: string, name: string, channel: string): Required<As> => ({
    teamId,
    channelId: h.slack.addChannel({ teamId, name: channel }).id,
    userId: h.slack.addUser({ teamId, name, isAdmin: true }).id,
  });
  const jana = admin('T0001', 'jana', 'partneri');
  const max = admin('T0002', 'max', 'partnerstadt');
  await twinKrumlovAndPassau(h, jana, max);
  await h.done('channel relay partnership:1 on', jana);
  await h.done('channel relay partnership:1 on', max);
  await h.drain();
  return { h, jana, max };
}
