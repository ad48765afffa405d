/**
 * A console session: on a terminal an interactive prompt; with piped input it reads one command
 * per line, echoes it, prints the answer and ends at end of input, so a whole scenario runs as a
 * script. Lines starting with ":" change who is acting and where (see CONSOLE_HELP); "#" starts a
 * comment.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { InboundPort } from '../../core/adapter-contract.ts';
import type { Reply } from '../../core/commands/invocation.ts';
import { commandList } from '../../../commands/index.ts';
import { commandCompleter } from './console-completer.ts';
import { ConsoleMessages, isMessageDirective, MESSAGE_DIRECTIVES, MESSAGE_HELP } from './console-messages.ts';

export const CONSOLE_HELP = `Console directives:
  :as <user>             act as this person (created on first use)
  :community <name>      switch community (a town's Discord server or Slack workspace, here
                         simulated); back in one, you are in the channel you left it in
  :channel <name>        switch channel within the community
  :locale <tag>|none     the language this person's platform client is set to (e.g. de, en-US)
  :where                 show who and where you are
${MESSAGE_HELP}
  :help                  this list
  :quit                  leave (end of input does the same)
Everything else is a bot command, e.g. "help" or "town info"; Tab completes commands and options.
Values with spaces go in quotes: "…" or '…' (also “…”, „…“, ‘…’, «…»); inside them \\" (or \\')
stands for the quote itself and \\\\ for a backslash.
In commands, $invite stands for the last invite code the bot gave in this session.`;

const DIRECTIVES = ['as', 'community', 'channel', 'where', ...MESSAGE_DIRECTIVES, 'help', 'quit'];
/** Where a community the session has not been in yet starts. */
const FIRST_CHANNEL = 'general';

export interface ConsoleIdentity {
  user: string;
  community: string;
  channel: string;
}

export interface ConsoleSessionOptions {
  inbound: InboundPort;
  output: Writable;
  interactive: boolean;
  identity?: Partial<ConsoleIdentity>;
  /** Runs after each command, before the next line: the outbox is drained so posts print in order. */
  afterCommand?: () => Promise<void>;
}

export class ConsoleSession {
  private readonly identity: ConsoleIdentity;
  private readonly messages: ConsoleMessages;
  /** Each person's platform language, as Discord and Slack would send it; none unless set. */
  private readonly locales = new Map<string, string>();
  /** Values from earlier answers that later lines may use as $name (scripts cannot know codes). */
  private readonly values = new Map<string, string>();
  /** The channel each community was left in: a channel belongs to its community. */
  private readonly channelOf = new Map<string, string>();

  constructor(private readonly options: ConsoleSessionOptions) {
    this.identity = { user: 'me', community: 'my-town', channel: FIRST_CHANNEL, ...options.identity };
    this.messages = new ConsoleMessages(options.inbound);
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
    const completer = commandCompleter(commandList, DIRECTIVES);
    const lines = createInterface({
      input,
      terminal: interactive,
      ...(interactive ? { output, completer } : {}),
    });
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
    if (line.startsWith(':')) {
      const [name = '', ...words] = line.slice(1).trim().split(/\s+/);
      if (!isMessageDirective(name)) return this.directive(line);
      this.print(await this.messages.play(name, words, this.identity));
      await this.options.afterCommand?.();
      return true;
    }
    const text = line.replace(/\$([a-z]+)/g, (whole, name: string) => this.values.get(name) ?? whole);
    const reply = await this.options.inbound.runCommand({
      text,
      actor: {
        platform: 'CONSOLE',
        communityExternalId: this.identity.community,
        communityName: this.identity.community,
        userId: this.identity.user,
        displayName: this.identity.user,
        // The console is local: whoever runs it administers every community it plays.
        communityAdmin: true,
      },
      channel: { id: this.identity.channel, name: this.identity.channel },
      // Not the terminal's LANG: that is the operator's, not the language of each person played.
      locale: this.locales.get(this.identity.user),
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

  private switchCommunity(community: string): void {
    this.channelOf.set(this.identity.community, this.identity.channel);
    this.identity.community = community;
    this.identity.channel = this.channelOf.get(community) ?? FIRST_CHANNEL;
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
        else this.switchCommunity(value);
        return true;
      case 'channel':
        if (!value) this.print('✗ Say which: :channel <name>');
        else this.identity.channel = value.replace(/^#/, '');
        return true;
      case 'locale':
        if (!value) this.print('✗ Say which: :locale <tag>, or :locale none');
        else if (value === 'none') this.locales.delete(this.identity.user);
        else this.locales.set(this.identity.user, value);
        return true;
      case 'where': {
        const locale = this.locales.get(this.identity.user);
        this.print(
          `• ${this.identity.user} in ${this.identity.community}, channel #${this.identity.channel}` +
            (locale ? `, platform language ${locale}` : ''),
        );
        return true;
      }
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
