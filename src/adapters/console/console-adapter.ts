/**
 * The console adapter: the embedded default when no platform token is configured, run by main()
 * like any other adapter. Its connection is the terminal (or piped input): start() begins reading,
 * `finished` resolves at end of input or `:quit`, stop() stops reading. Its poster prints.
 */
import type { Readable, Writable } from 'node:stream';
import type { ConnectionState, InboundPort, PlatformAdapter } from '../../core/adapter-contract.ts';
import { ConsolePoster } from './console-poster.ts';
import { ConsoleSession, type ConsoleIdentity } from './console-session.ts';

export interface ConsoleAdapterOptions {
  inbound: InboundPort;
  input: Readable & { isTTY?: boolean };
  output: Writable;
  identity?: Partial<ConsoleIdentity>;
  /** Runs after each command, before the next line: the outbox is drained so posts print in order. */
  afterCommand?: () => Promise<void>;
}

export class ConsoleAdapter implements PlatformAdapter {
  readonly platform = 'CONSOLE' as const;
  readonly poster: ConsolePoster;
  private readonly session: ConsoleSession;
  private reading: Promise<void> | undefined;
  private readingEnded = false;

  constructor(private readonly options: ConsoleAdapterOptions) {
    this.poster = new ConsolePoster(options.output);
    this.session = new ConsoleSession({
      inbound: options.inbound,
      output: options.output,
      interactive: Boolean(options.input.isTTY),
      ...(options.identity ? { identity: options.identity } : {}),
      ...(options.afterCommand ? { afterCommand: options.afterCommand } : {}),
    });
  }

  start(): Promise<void> {
    this.reading ??= this.session.run(this.options.input).finally(() => {
      this.readingEnded = true;
    });
    return Promise.resolve();
  }

  /** The terminal is connected from start() until the input ends. */
  connectionState(): ConnectionState {
    return this.reading && !this.readingEnded ? 'connected' : 'disconnected';
  }

  /** Resolves once the input has ended (or `:quit`); at once when the adapter never started. */
  get finished(): Promise<void> {
    return this.reading ?? Promise.resolve();
  }

  /** Stops reading (a command under way finishes first) and waits for the session to end. */
  async stop(): Promise<void> {
    this.options.input.destroy();
    await this.reading;
  }
}
