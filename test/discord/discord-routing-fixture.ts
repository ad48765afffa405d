/**
 * Shared set-up of the Discord adapter's routing suites (discord-routing-*.test.ts), driven through a
 * fake connection (real discord.js interactions from raw payloads, REST answered in memory) and a
 * fake InboundPort: no database, no socket. What Discord limits are is written here from Discord's
 * documentation, not read from the code. The emulator suites (discord-interactions,
 * discord-scenario) cover the same paths end to end.
 */
import { beforeEach, expect } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';

import type { ExchangeCard } from '../../src/core/views/exchange-card.ts';
import { FakeDiscordConnection, PASSAU, type InteractionAnswer } from './fake-discord-connection.ts';
import { FakeInboundPort } from '../support/fake-inbound-port.ts';
import { ManualTimer } from '../support/manual-timer.ts';
import { recordingLogger } from '../support/recording-logger.ts';

// developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type
export const CHANNEL_MESSAGE_WITH_SOURCE = 4;
export const DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
export const DEFERRED_UPDATE_MESSAGE = 6;
export const UPDATE_MESSAGE = 7;
export const APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8;
// developers/docs/resources/message#message-object-message-flags
export const EPHEMERAL = 64;
// developers/docs/resources/message#create-message: content up to 2000 characters.
export const DISCORD_CONTENT_MAX = 2000;
// developers/docs/interactions/application-commands#autocomplete: up to 25 choices, names 1-100.
export const CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
// Permission bits (developers/docs/topics/permissions).
export const EMBED_LINKS = 16384n;
export const SEND_MESSAGES_IN_THREADS = 274877906944n;

export const [PARTNERSTADT, THREAD] = PASSAU.channels.map((c) => c.id) as [string, string];

export const card: ExchangeCard = {
  number: 12,
  title: 'Jugendcamp',
  description: '',
  status: 'PLANNED',
  startsAt: new Date('2027-07-06T08:00:00Z'),
  endsAt: new Date('2027-07-10T14:00:00Z'),
  timeZone: 'Europe/Berlin',
  whenText: 'Di., 6. Juli 2027, 10:00 – Sa., 10. Juli 2027, 16:00 MESZ',
  fields: [{ label: 'Plätze', value: '1 von 3 belegt' }],
  rsvpButtons: { going: 'Ich komme', maybe: 'Vielleicht', no: 'Ich komme nicht' },
};

/** What every routing test drives: the fake connection, the fake core behind the adapter, its log and timer. */
export interface RoutingRig {
  readonly discord: FakeDiscordConnection;
  readonly inbound: FakeInboundPort;
  readonly logger: ReturnType<typeof recordingLogger>;
  readonly timer: ManualTimer;
  readonly adapter: DiscordAdapter;
}

/**
 * Registers a beforeEach that starts a fresh adapter (deferring after 1.5 s, letting answers under
 * way finish for 5 s at stop); the rig returned always reaches the running test's.
 */
export function useRouting(): RoutingRig {
  let current: RoutingRig | undefined;
  beforeEach(async () => {
    const discord = new FakeDiscordConnection();
    const inbound = new FakeInboundPort();
    const logger = recordingLogger();
    const timer = new ManualTimer();
    const adapter = new DiscordAdapter(discord, inbound, logger, {
      timer,
      deferAfterMs: 1500,
      stopGraceMs: 5000,
    });
    await adapter.start();
    current = { discord, inbound, logger, timer, adapter };
  });
  const running = (): RoutingRig => {
    if (!current) throw new Error('the routing rig starts in beforeEach');
    return current;
  };
  return {
    get discord() {
      return running().discord;
    },
    get inbound() {
      return running().inbound;
    },
    get logger() {
      return running().logger;
    },
    get timer() {
      return running().timer;
    },
    get adapter() {
      return running().adapter;
    },
  };
}

export function only(answers: InteractionAnswer[]): InteractionAnswer {
  expect(answers).toHaveLength(1);
  return answers[0] as InteractionAnswer;
}
