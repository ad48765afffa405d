/**
 * Shared set-up of the Slack router's suites (slack-routing-*.test.ts), driven through a fake
 * connection (the real Bolt App with a fake receiver, Web API and response_url on a recording fetch)
 * and a fake InboundPort: no database, no socket, milliseconds. The emulator suites
 * (slack-interactions, slack-scenario …) check the same paths end to end.
 */
import { beforeEach } from 'vitest';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.ts';
import type {
  SlackEventLedger,
  SlackInstallationStore,
  SlackPostLedger,
} from '../../src/adapters/slack/slack-ports.ts';

import type { CommandRequest } from '../../src/core/commands/invocation.ts';
import type { Logger } from '../../src/core/ports.ts';
import type { ExchangeCard } from '../../src/core/views/exchange-card.ts';
import { FakeSlackConnection } from './fake-slack-connection.ts';
import { FakeInboundPort } from '../support/fake-inbound-port.ts';
import { JANA } from './slack-payloads.ts';
import { ManualTimer } from '../support/manual-timer.ts';

export class MemoryEventLedger implements SlackEventLedger {
  private readonly seen = new Set<string>();
  firstDelivery(eventId: string): Promise<boolean> {
    const first = !this.seen.has(eventId);
    this.seen.add(eventId);
    return Promise.resolve(first);
  }
}

/** One workspace by bot token: no installations. */
export const unusedInstallations: SlackInstallationStore = {
  storeInstallation: () => Promise.reject(new Error('not used')),
  fetchInstallation: () => Promise.reject(new Error('not used')),
  find: () => Promise.reject(new Error('not used')),
  deleteInstallation: () => Promise.reject(new Error('not used')),
  count: () => Promise.reject(new Error('not used')),
};

/** Routing never posts for the outbox. */
export const unusedPosts: SlackPostLedger = {
  find: () => Promise.reject(new Error('not used')),
  begin: () => Promise.reject(new Error('not used')),
  posted: () => Promise.reject(new Error('not used')),
  notPosted: () => Promise.reject(new Error('not used')),
  filesUploaded: () => Promise.reject(new Error('not used')),
  filesAfter: () => Promise.reject(new Error('not used')),
};

export function recordingLogger(lines: string[]): Logger {
  const line = (message: string) => void lines.push(message);
  return {
    debug: (_d, m) => line(m),
    info: (_d, m) => line(m),
    warn: (_d, m) => line(m),
    error: (_d, m) => line(m),
  };
}

export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const card = (title: string): ExchangeCard => ({
  number: 12,
  title,
  description: '',
  status: 'PLANNED',
  startsAt: new Date('2027-07-06T08:00:00Z'),
  endsAt: new Date('2027-07-10T14:00:00Z'),
  timeZone: 'Europe/Prague',
  whenText: 'Tue 6 Jul 2027, 10:00 – Sat 10 Jul 2027, 16:00 CEST',
  fields: [{ label: 'Places', value: '2 of 3 taken' }],
  rsvpButtons: { going: 'Going', maybe: 'Maybe', no: 'Not going' },
});

export const textOf = (request: CommandRequest | undefined) =>
  request && 'text' in request ? request.text : undefined;

/** What every routing test drives: the fake connection, the fake core behind the adapter, its timer, clock and log. */
export interface RoutingRig {
  readonly connection: FakeSlackConnection;
  readonly inbound: FakeInboundPort;
  readonly timer: ManualTimer;
  /** The adapter's clock: a test moves it on by setting it. */
  now: Date;
  readonly logLines: string[];
  /** The bodies posted to response_urls, oldest first. */
  responses(): Record<string, unknown>[];
}

/**
 * Registers a beforeEach that starts a fresh adapter on the fake connection (command `/twin`, Jana
 * known to users.info in cs-CZ); the rig returned always reaches the running test's.
 */
export function useRouting(): RoutingRig {
  let connection: FakeSlackConnection | undefined;
  let inbound: FakeInboundPort | undefined;
  let timer: ManualTimer | undefined;
  let now: Date | undefined;
  let logLines: string[] | undefined;

  beforeEach(async () => {
    logLines = [];
    const logger = recordingLogger(logLines);
    connection = new FakeSlackConnection(logger);
    inbound = new FakeInboundPort();
    timer = new ManualTimer();
    now = new Date('2026-11-23T10:00:00Z');
    const adapter = new SlackAdapter(
      {
        connection,
        inbound,
        events: new MemoryEventLedger(),
        posts: unusedPosts,
        logger,
        clock: { now: () => rig.now },
        command: '/twin',
      },
      { timer },
    );
    await adapter.start();
    connection.api.person(JANA.id, { name: JANA.name, displayName: 'Jana', locale: 'cs-CZ' });
  });

  const running = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the routing rig starts in beforeEach');
    return value;
  };
  const rig: RoutingRig = {
    get connection() {
      return running(connection);
    },
    get inbound() {
      return running(inbound);
    },
    get timer() {
      return running(timer);
    },
    get now() {
      return running(now);
    },
    set now(value: Date) {
      now = value;
    },
    get logLines() {
      return running(logLines);
    },
    responses: () => rig.connection.api.responsePosts.map((post) => post.body),
  };
  return rig;
}
