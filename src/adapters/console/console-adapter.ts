/**
 * The console adapter: the embedded default when no platform token is configured.
 * On a terminal it is an interactive prompt; with piped input it reads one command per line,
 * echoes it, prints the answer and ends at end of input, so a whole scenario runs as a script.
 *
 * Lines starting with ":" change who is acting and where (see CONSOLE_HELP); "#" starts a comment.
 * Posts the bot makes to channels are printed with the channel they went to.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommandBus } from '../../core/commands/command-bus.ts';
import type { Reply } from '../../core/commands/invocation.ts';
import type {
  ChannelPoster,
  ChannelTarget,
  DirectTarget,
  OutgoingMessage,
  PostResult,
} from '../../core/ports.ts';

export const CONSOLE_HELP = `Console directives:
  :as <user>             act as this person (created on first use)
  :community <name>      switch community (a town's Discord server or Slack workspace, here simulated)
  :channel <name>        switch channel within the community
  :where                 show who and where you are
  :quit                  leave (end of input does the same)
Everything else is a bot command, e.g. "help" or "town info".
In commands, $invite stands for the last invite code the bot gave in this session.`;

export interface ConsoleIdentity {
  user: string;
  community: string;
  channel: string;
}

/** How many posted messages the console remembers, to print only what an edit changed. */
const REMEMBERED_POSTS = 1_000;

/**
 * Prints channel posts. Console communities are their own names, so the target reads naturally.
 * An edit (an exchange card redrawn after new answers) prints only the lines it changed.
 */
export class ConsolePoster implements ChannelPoster {
  readonly platform = 'CONSOLE' as const;
  private sequence = 0;
  private readonly printed = new Map<string, string[]>();

  constructor(private readonly output: Writable) {}

  post(target: ChannelTarget, message: OutgoingMessage): Promise<PostResult> {
    return this.print(
      `posted to #${target.channelName || target.channelId} in ${target.communityExternalId}`,
      message.text.split('\n'),
    );
  }

  sendDirect(target: DirectTarget, message: OutgoingMessage): Promise<PostResult> {
    return this.print(
      `direct message to ${target.userId} in ${target.communityExternalId}`,
      message.text.split('\n'),
    );
  }

  edit(target: ChannelTarget, platformMessageId: string, message: OutgoingMessage): Promise<PostResult> {
    const lines = message.text.split('\n');
    const before = this.printed.get(platformMessageId);
    const changed = before ? lines.filter((line, i) => line !== before[i]) : lines;
    const where = `#${target.channelName || target.channelId} in ${target.communityExternalId}`;
    return this.print(
      `${platformMessageId} in ${where} now reads`,
      changed.length > 0 ? changed : ['(unchanged)'],
      platformMessageId,
      lines,
    );
  }

  private print(where: string, shown: string[], existingId?: string, whole = shown): Promise<PostResult> {
    this.output.write(`  ⇒ ${where}:\n${shown.map((line) => `    ${line}`).join('\n')}\n`);
    const id = existingId ?? `console-${++this.sequence}`;
    this.printed.delete(id);
    this.printed.set(id, whole);
    if (this.printed.size > REMEMBERED_POSTS) {
      const oldest = this.printed.keys().next();
      if (!oldest.done) this.printed.delete(oldest.value);
    }
    return Promise.resolve({ ok: true, platformMessageId: id });
  }
}

export interface ConsoleSessionOptions {
  bus: CommandBus;
  output: Writable;
  interactive: boolean;
  identity?: Partial<ConsoleIdentity>;
  /** Runs after each command, before the next line: the outbox is drained so posts print in order. */
  afterCommand?: () => Promise<void>;
}

export class ConsoleSession {
  private readonly identity: ConsoleIdentity;
  /** Values from earlier answers that later lines may use as $name (scripts cannot know codes). */
  private readonly values = new Map<string, string>();

  constructor(private readonly options: ConsoleSessionOptions) {
    this.identity = { user: 'me', community: 'my-town', channel: 'general', ...options.identity };
  }

  private prompt(): string {
    return `${this.identity.user}@${this.identity.community} #${this.identity.channel}> `;
  }

  private print(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  /** Reads lines until end of input or :quit. A session can run several inputs in turn. */
  async run(input: Readable): Promise<void> {
    const { output, interactive } = this.options;
    const lines = createInterface({ input, terminal: interactive, ...(interactive ? { output } : {}) });
    lines.setPrompt(this.prompt());
    if (interactive) {
      this.print('Twinbridge console. Type "help" for commands, ":help" for console directives.');
      lines.prompt();
    }
    for await (const raw of lines) {
      const line = raw.trim();
      if (!interactive && line !== '' && !line.startsWith('#')) this.print(`${this.prompt()}${line}`);
      const goOn = await this.handle(line);
      if (!goOn) break;
      if (interactive) {
        lines.setPrompt(this.prompt());
        lines.prompt();
      }
    }
    lines.close();
  }

  /** Handles one line; false means the session should end. */
  async handle(line: string): Promise<boolean> {
    if (line === '' || line.startsWith('#')) return true;
    if (line.startsWith(':')) return this.directive(line);
    const text = line.replace(/\$([a-z]+)/g, (whole, name: string) => this.values.get(name) ?? whole);
    const reply = await this.options.bus.run({
      text,
      actor: {
        platform: 'CONSOLE',
        communityExternalId: this.identity.community,
        communityName: this.identity.community,
        userId: this.identity.user,
        displayName: this.identity.user,
      },
      channel: { id: this.identity.channel, name: this.identity.channel },
      locale: process.env.LANG?.split('.')[0],
    });
    this.printReply(reply);
    for (const [name, value] of Object.entries(reply.values ?? {})) this.values.set(name, value);
    await this.options.afterCommand?.();
    return true;
  }

  private printReply(reply: Reply): void {
    const marker = reply.error ? '✗' : reply.private ? '•' : '✓';
    const [first, ...rest] = reply.text.split('\n');
    this.print(`${marker} ${first ?? ''}`);
    for (const line of rest) this.print(`  ${line}`);
  }

  private directive(line: string): boolean {
    const [name, ...words] = line.slice(1).trim().split(/\s+/);
    const value = words.join(' ');
    switch (name) {
      case 'as':
      case 'user':
        if (!value) this.print('✗ Say who: :as <user>');
        else this.identity.user = value;
        return true;
      case 'community':
        if (!value) this.print('✗ Say which: :community <name>');
        else this.identity.community = value;
        return true;
      case 'channel':
        if (!value) this.print('✗ Say which: :channel <name>');
        else this.identity.channel = value.replace(/^#/, '');
        return true;
      case 'where':
        this.print(
          `• ${this.identity.user} in ${this.identity.community}, channel #${this.identity.channel}`,
        );
        return true;
      case 'help':
        this.print(CONSOLE_HELP);
        return true;
      case 'quit':
      case 'exit':
        return false;
      default:
        this.print(`✗ Unknown directive ":${name ?? ''}".\n${CONSOLE_HELP}`);
        return true;
    }
  }
}
