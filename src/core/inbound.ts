/**
 * The core's side of the InboundPort: commands go to the CommandBus, questions to CoreQueries.
 * Adapters hold an InboundPort, never these classes, so a test can hand them a fake.
 */
import type { InboundPort, Suggestion } from './adapter-contract.ts';
import type { CommandBus } from './commands/command-bus.ts';
import type { AutocompleteSource } from './commands/definition.ts';
import type { Actor, ChannelRef, CommandRequest, Reply } from './commands/invocation.ts';
import type { SupportedLanguage } from './i18n/languages.ts';
import type { CoreQueries } from './services/queries.ts';
import type { ExchangeCard } from './views/exchange-card.ts';

export class CoreInbound implements InboundPort {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: CoreQueries,
  ) {}

  runCommand(request: CommandRequest): Promise<Reply> {
    return this.bus.run(request);
  }

  suggest(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    source: AutocompleteSource,
    typed: string,
    locale?: string,
  ): Promise<Suggestion[]> {
    return this.queries.suggest(actor, source, typed, locale);
  }

  channelCard(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    channel: ChannelRef,
    exchangeNumber: number,
  ): Promise<ExchangeCard | null> {
    return this.queries.channelCard(actor, channel, exchangeNumber);
  }

  readerLanguage(
    actor: Pick<Actor, 'platform' | 'communityExternalId' | 'userId'>,
    locale?: string,
  ): Promise<SupportedLanguage> {
    return this.queries.readerLanguage(actor, locale);
  }
}
