/**
 * An InboundPort that records what an adapter asked and answers with what the test set, so a
 * router is tested without the core or a database. An answer may be held (`hold()`) until the
 * test releases it, to see what the adapter does while the core is still working.
 */
import type { InboundPort, Suggestion } from '../../src/core/adapter-contract.ts';
import type { AutocompleteSource } from '../../src/core/commands/definition.ts';
import type { Actor, ChannelRef, CommandRequest, Reply } from '../../src/core/commands/invocation.ts';
import type { SupportedLanguage } from '../../src/core/i18n/languages.ts';
import type {
  ArrivedMessage,
  DeletedMessage,
  EditedMessage,
  ReactionChange,
  RelayResumePoint,
} from '../../src/core/relay/relay-ports.ts';
import type { ExchangeCard } from '../../src/core/views/exchange-card.ts';

export interface SuggestRequest {
  actor: Pick<Actor, 'platform' | 'communityExternalId'>;
  source: AutocompleteSource;
  typed: string;
  locale: string | undefined;
}

export class FakeInboundPort implements InboundPort {
  readonly commands: CommandRequest[] = [];
  readonly suggestRequests: SuggestRequest[] = [];
  readonly cardRequests: { channel: ChannelRef; exchangeNumber: number }[] = [];

  /** What runCommand answers; it may throw or wait for the test. */
  respond: (request: CommandRequest) => Reply | Promise<Reply> = () => ({ text: 'done', private: false });
  /** What suggest answers, given what was asked. */
  suggestions: (source: AutocompleteSource, typed: string) => Suggestion[] | Promise<Suggestion[]> = () => [];
  /** What channelCard answers. */
  card: ExchangeCard | null = null;
  /** The reader's language the port tells (default English). */
  language: SupportedLanguage = 'en';

  private readonly commandWaiters: { count: number; resolve: () => void }[] = [];

  async runCommand(request: CommandRequest): Promise<Reply> {
    this.commands.push(request);
    for (const waiter of this.commandWaiters.filter((w) => this.commands.length >= w.count)) waiter.resolve();
    return this.respond(request);
  }

  /** Resolves once `count` commands have reached the port (the signal that the adapter asked). */
  commandsReached(count: number): Promise<void> {
    if (this.commands.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.commandWaiters.push({ count, resolve }));
  }

  async suggest(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    source: AutocompleteSource,
    typed: string,
    locale?: string,
  ): Promise<Suggestion[]> {
    this.suggestRequests.push({ actor, source, typed, locale });
    return this.suggestions(source, typed);
  }

  channelCard(
    _actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    channel: ChannelRef,
    exchangeNumber: number,
  ): Promise<ExchangeCard | null> {
    this.cardRequests.push({ channel, exchangeNumber });
    return Promise.resolve(this.card);
  }

  readerLanguage(): Promise<SupportedLanguage> {
    return Promise.resolve(this.language);
  }

  /** The redraws the adapter said its click answers showed. */
  readonly shownCards: string[] = [];

  clickedCardShown(redrawKey: string): Promise<void> {
    this.shownCards.push(redrawKey);
    return Promise.resolve();
  }

  /** The relaying channels the port tells at start (none by default: nothing to read back). */
  resumePoints: RelayResumePoint[] = [];

  relayResumePoints(): Promise<RelayResumePoint[]> {
    return Promise.resolve(this.resumePoints);
  }

  /** What members wrote, edited and deleted, in the order the adapter told. */
  readonly messages: (
    | { event: 'arrived'; message: ArrivedMessage }
    | { event: 'edited'; message: EditedMessage }
    | { event: 'deleted'; message: DeletedMessage }
    | { event: 'reaction'; message: ReactionChange }
  )[] = [];

  messageArrived(message: ArrivedMessage): Promise<void> {
    this.messages.push({ event: 'arrived', message });
    return Promise.resolve();
  }

  messageEdited(message: EditedMessage): Promise<void> {
    this.messages.push({ event: 'edited', message });
    return Promise.resolve();
  }

  messageDeleted(message: DeletedMessage): Promise<void> {
    this.messages.push({ event: 'deleted', message });
    return Promise.resolve();
  }

  reactionChanged(change: ReactionChange): Promise<void> {
    this.messages.push({ event: 'reaction', message: change });
    return Promise.resolve();
  }
}

/** A promise the test resolves: `const held = hold<Reply>(); inbound.respond = () => held.promise`. */
export function hold<T>(): { promise: Promise<T>; release: (value: T) => void } {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}
