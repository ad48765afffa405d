/**
 * Runs console scripts through the real wiring (command bus, Prisma repositories, outbox
 * worker, console adapter) on a real database, with a clock the test controls.
 */
import type { InboundPort } from '../../src/core/adapter-contract.ts';
import { PassThrough, Readable } from 'node:stream';
import { createLogger } from '../../src/logging.ts';
import { ConsolePoster } from '../../src/adapters/console/console-poster.ts';
import { ConsoleSession } from '../../src/adapters/console/console-session.ts';
import { postingAdapter } from '../support/posting-adapter.ts';
import type { CommandBus } from '../../src/core/commands/command-bus.ts';
import type { Clock } from '../../src/core/ports.ts';
import type { MachineTranslation } from '../../src/core/relay/machine-translation.ts';
import type { Database } from '../../src/db/open-database.ts';
import { wireTwinbridge } from '../../src/main.ts';

/** A fixed clock that moves one millisecond per reading, so the order of events stays defined. */
export class TestClock implements Clock {
  /** `stepMs`: how far each reading moves the clock (1 ms keeps readings distinct; 0 holds it still). */
  constructor(
    private current: Date,
    private readonly stepMs = 1,
  ) {}
  now(): Date {
    this.current = new Date(this.current.getTime() + this.stepMs);
    return new Date(this.current);
  }
  set(instant: string | Date): void {
    this.current = new Date(instant);
  }
}

export interface ConsoleHarness {
  /** The command bus itself, for tests that run commands concurrently. */
  bus: CommandBus;
  /** What the adapters are given: for telling the core of members' messages directly. */
  inbound: InboundPort;
  /** Runs script lines; returns what the console printed for them. */
  run(script: string): Promise<string>;
  clock: TestClock;
  logLines: string[];
}

export function consoleHarness(
  database: Database,
  now = '2026-11-23T10:00:00Z',
  logLevel = 'info',
  options: {
    machineTranslation?: MachineTranslation;
    /** Told the database round trips of each command's transaction. */
    onCommandRoundTrips?: (roundTrips: number) => void;
  } = {},
): ConsoleHarness {
  const clock = new TestClock(new Date(now));
  const logLines: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').trim().split('\n')));
  // The production logger, redaction included.
  const logger = createLogger(logLevel, logStream);
  let output = '';
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const { bus, inbound, outboxSettled } = wireTwinbridge({
    database,
    logger,
    clock,
    workerId: 'test',
    ...options,
    adapters: () => [postingAdapter(new ConsolePoster(sink))],
  });
  const session = new ConsoleSession({
    inbound,
    output: sink,
    interactive: false,
    afterCommand: outboxSettled,
  });
  return {
    bus,
    inbound,
    clock,
    logLines,
    async run(script: string) {
      output = '';
      await session.run(Readable.from(script.split('\n').map((line) => `${line}\n`)));
      await new Promise((resolve) => setImmediate(resolve));
      return output;
    },
  };
}

/**
 * Český Krumlov (Europe/Prague, Czech; jana coordinates) and Passau (Europe/Berlin, German; max)
 * in partnership #1, each with a linked channel; ends acting as jana in Krumlov's channel.
 */
export const TWIN_KRUMLOV_PASSAU = `
:community krumlov
:channel partneri
:as jana
town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs
partner invite name:"Krumlov – Passau"
channel link partnership:1
:community passau
:channel partnerstadt
:as max
town register name:Passau country:DE timezone:Europe/Berlin language:de
partner join code:$invite
:community krumlov
:channel partneri
:as jana
`;
