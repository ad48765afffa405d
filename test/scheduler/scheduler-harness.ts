/**
 * The scheduler on the real wiring (wireTwinbridge: command bus, Prisma repositories, outbox
 * worker) on a real database, with a clock the test moves and a poster that records what the
 * bot posted and when. Commands are typed as on the console, by people in partner towns.
 */
import type { Reply } from '../../src/core/commands/invocation.ts';
import type { Platform } from '../../src/core/domain/model.ts';
import { DEFAULT_LIMITS, type AbuseLimits } from '../../src/core/limits.ts';
import type {
  ChannelPoster,
  ChannelTarget,
  Clock,
  DirectTarget,
  OutgoingMessage,
  PostResult,
} from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { wireTwinbridge } from '../../src/main.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import { TestClock } from '../console/console-harness.ts';
import { postingAdapter } from '../support/posting-adapter.ts';
import { recordingLogger, type LogEntry } from '../support/recording-logger.ts';

export interface Sent {
  kind: 'post' | 'direct';
  /** `#channel@community` or `@user@community`. */
  to: string;
  text: string;
  message: OutgoingMessage;
  /** The test clock when the worker sent it. */
  at: Date;
}

/** A platform that takes every post and remembers it. */
export class RecordingPoster implements ChannelPoster {
  readonly sent: Sent[] = [];
  /** Direct messages redrawn: which one (its id) and what it reads now. */
  readonly directEdits: { messageId: string; to: string; message: OutgoingMessage }[] = [];
  private sequence = 0;

  constructor(
    private readonly clock: Clock,
    readonly platform: Platform = 'CONSOLE',
  ) {}

  post(target: ChannelTarget, message: OutgoingMessage): Promise<PostResult> {
    return this.record('post', `#${target.channelName}@${target.communityExternalId}`, message);
  }

  sendDirect(target: DirectTarget, message: OutgoingMessage): Promise<PostResult> {
    return this.record('direct', `@${target.userId}@${target.communityExternalId}`, message);
  }

  edit(): Promise<PostResult> {
    return Promise.resolve({ ok: true, platformMessageId: `m${++this.sequence}` });
  }

  editDirect(target: DirectTarget, messageId: string, message: OutgoingMessage): Promise<PostResult> {
    this.directEdits.push({ messageId, to: `@${target.userId}@${target.communityExternalId}`, message });
    return Promise.resolve({ ok: true, platformMessageId: messageId });
  }

  remove(_target: ChannelTarget, platformMessageId: string): Promise<PostResult> {
    return Promise.resolve({ ok: true, platformMessageId });
  }

  react(_target: ChannelTarget, platformMessageId: string): Promise<PostResult> {
    return Promise.resolve({ ok: true, platformMessageId });
  }

  /** What was sent since the last call. */
  take(): Sent[] {
    return this.sent.splice(0);
  }

  private record(kind: Sent['kind'], to: string, message: OutgoingMessage): Promise<PostResult> {
    this.sent.push({ kind, to, text: message.text, message, at: this.clock.now() });
    return Promise.resolve({ ok: true, platformMessageId: `m${++this.sequence}` });
  }
}

/** Someone typing in a channel of their community. */
export interface Seat {
  user: string;
  community: string;
  channel: string;
}

export interface SchedulerHarness {
  clock: TestClock;
  poster: RecordingPoster;
  logger: ReturnType<typeof recordingLogger>;
  scheduler: Scheduler;
  /** Runs a command and waits for the posts it caused; a refusal fails the test. */
  run(seat: Seat, text: string): Promise<Reply>;
  /** Runs a command that is expected to be refused; returns the refusal. */
  refused(seat: Seat, text: string): Promise<Reply>;
  /** Sets the clock and runs one scheduler tick (jobs, then the worker). */
  tickAt(instant: string | Date): Promise<Sent[]>;
}

export function schedulerHarness(
  database: Database,
  now: string,
  limits?: Partial<AbuseLimits>,
  clockStepMs = 1,
): SchedulerHarness {
  const clock = new TestClock(new Date(now), clockStepMs);
  const logger = recordingLogger();
  const poster = new RecordingPoster(clock);
  const parts = wireTwinbridge({
    database,
    logger,
    clock,
    workerId: 'test',
    ...(limits ? { limits: { ...DEFAULT_LIMITS, ...limits } } : {}),
    adapters: () => [postingAdapter(poster)],
  });
  const { scheduler } = parts;
  const send = async (seat: Seat, text: string) => {
    const reply = await parts.bus.run({
      text,
      actor: {
        platform: 'CONSOLE',
        communityExternalId: seat.community,
        communityName: seat.community,
        userId: seat.user,
        displayName: seat.user,
        communityAdmin: true,
      },
      channel: { id: seat.channel, name: seat.channel },
    });
    await parts.outboxSettled();
    return reply;
  };
  return {
    clock,
    poster,
    logger,
    scheduler,
    async run(seat, text) {
      const reply = await send(seat, text);
      if (reply.error) throw new Error(`${seat.user}: ${text}\n  refused: ${reply.text}`);
      return reply;
    },
    async refused(seat, text) {
      const reply = await send(seat, text);
      if (!reply.error) throw new Error(`${seat.user}: ${text}\n  was accepted: ${reply.text}`);
      return reply;
    },
    async tickAt(instant) {
      clock.set(instant);
      poster.take();
      await scheduler.tick();
      return poster.take();
    },
  };
}

// People and places used across the scheduler tests: Prague and Chicago are sister cities.
export const jana: Seat = { user: 'jana', community: 'praha', channel: 'partneri' };
export const petr: Seat = { user: 'petr', community: 'praha', channel: 'partneri' };
export const mike: Seat = { user: 'mike', community: 'chicago', channel: 'sister-cities' };
export const ann: Seat = { user: 'ann', community: 'chicago', channel: 'sister-cities' };
export const bob: Seat = { user: 'bob', community: 'chicago', channel: 'sister-cities' };

export const PRAHA_CHANNEL = '#partneri@praha';
export const CHICAGO_CHANNEL = '#sister-cities@chicago';

/** Praha (Europe/Prague, Czech) and Chicago (America/Chicago, English) in partnership #1. */
export async function twinPragueAndChicago(h: SchedulerHarness): Promise<void> {
  await h.run(jana, 'town register name:Praha country:CZ timezone:Europe/Prague language:cs');
  const invite = await h.run(jana, 'partner invite name:"Praha – Chicago" form:formal areas:culture');
  await h.run(jana, 'channel link partnership:1');
  await h.run(mike, 'town register name:Chicago country:US timezone:America/Chicago language:en');
  const code = invite.values?.invite;
  if (code === undefined) throw new Error(`set-up: partner invite gave no invite code:\n${invite.text}`);
  await h.run(mike, `partner join code:${code}`);
  h.poster.take();
}

/**
 * Prague and Chicago twinned on 1 May 2026 with reminders off and the first weekly digest planned
 * (Monday 4 May, 09:00 in Prague), on a clock that holds still so the digest's edges are exact.
 */
export async function digestPlanned(database: Database): Promise<SchedulerHarness> {
  const h = schedulerHarness(database, '2026-05-01T08:00:00Z', undefined, 0);
  await twinPragueAndChicago(h);
  await h.run(jana, 'partner reminders partnership:1 offsets:off');
  await h.tickAt('2026-05-01T08:00:10Z');
  return h;
}

export { recordingLogger, type LogEntry };

/**
 * `count` exchanges an hour apart from 1 June 2026 18:00 in Prague, written in one statement:
 * the benchmark scripts' load (measure-jobs.ts, measure-replanning.ts), too many for commands.
 */
export async function seedHourlyExchanges(
  database: Database,
  where: { partnershipId: string; hostTownId: string; authorId: string; count: number },
): Promise<void> {
  const base = new Date('2026-06-01T16:00:00Z').getTime();
  await database.prisma.exchange.createMany({
    data: Array.from({ length: where.count }, (_, i) => ({
      partnershipId: where.partnershipId,
      hostTownId: where.hostTownId,
      kind: 'CULTURAL_EVENT' as const,
      title: `Akce ${i}`,
      startsAt: new Date(base + i * 3_600_000),
      endsAt: new Date(base + i * 3_600_000 + 7_200_000),
      timeZone: 'Europe/Prague',
      createdById: where.authorId,
    })),
  });
}
