/**
 * The core's side of the InboundPort: commands go to the CommandBus, questions to CoreQueries,
 * members' messages to the RelayService.
 * Adapters hold an InboundPort, never these classes, so a test can hand them a fake.
 */
import type { InboundPort, Suggestion } from './adapter-contract.ts';
import type { CommandBus } from './commands/command-bus.ts';
import type { AutocompleteSource } from './commands/definition.ts';
import type { Actor, ChannelRef, CommandRequest, Reply } from './commands/invocation.ts';
import type { SupportedLanguage } from './i18n/languages.ts';
import type { Platform } from './domain/model.ts';
import type {
  ArrivedMessage,
  DeletedMessage,
  EditedMessage,
  ReactionChange,
  RelayResumePoint,
} from './relay/relay-ports.ts';
import type { RelayService } from './relay/relay-service.ts';
import type { CoreQueries } from './services/queries.ts';
import { neutralizeBidi, neutralizeCard, neutralizeMessage } from './views/bidi.ts';
import type { ExchangeCard } from './views/exchange-card.ts';
import type { Logger, Store } from './ports.ts';

export class CoreInbound implements InboundPort {
  constructor(
    private readonly bus: CommandBus,
    private readonly queries: CoreQueries,
    private readonly relay: RelayService,
    private readonly deps: { store: Store; logger: Logger },
  ) {}

  messageArrived(message: ArrivedMessage): Promise<void> {
    return this.relay.messageArrived(message);
  }

  messageEdited(edit: EditedMessage): Promise<void> {
    return this.relay.messageEdited(edit);
  }

  messageDeleted(deleted: DeletedMessage): Promise<void> {
    return this.relay.messageDeleted(deleted);
  }

  reactionChanged(change: ReactionChange): Promise<void> {
    return this.relay.reactionChanged(change);
  }

  relayResumePoints(platform: Platform): Promise<RelayResumePoint[]> {
    return this.relay.resumePoints(platform);
  }

  // Every text answered to an adapter leaves here: bidirectional controls go (views/bidi.ts).
  async runCommand(request: CommandRequest): Promise<Reply> {
    const reply = neutralizeMessage(await this.bus.run(request));
    const { clickedCard } = reply;
    return clickedCard
      ? { ...reply, clickedCard: { ...clickedCard, message: neutralizeMessage(clickedCard.message) } }
      : reply;
  }

  async clickedCardShown(redrawKey: string): Promise<void> {
    try {
      await this.deps.store.transaction((repos) =>
        repos.deliveries.withdrawPendingKey(redrawKey, 'the click’s answer showed this card'),
      );
    } catch (error) {
      this.deps.logger.warn(
        { err: error, redrawKey },
        'could not withdraw the redraw a click’s answer showed',
      );
    }
  }

  async suggest(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    source: AutocompleteSource,
    typed: string,
    locale?: string,
  ): Promise<Suggestion[]> {
    const suggestions = await this.queries.suggest(actor, source, typed, locale);
    return suggestions.map((s) => ({ ...s, label: neutralizeBidi(s.label) }));
  }

  async channelCard(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    channel: ChannelRef,
    exchangeNumber: number,
  ): Promise<ExchangeCard | null> {
    const card = await this.queries.channelCard(actor, channel, exchangeNumber);
    return card && neutralizeCard(card);
  }

  readerLanguage(
    actor: Pick<Actor, 'platform' | 'communityExternalId' | 'userId'>,
    locale?: string,
  ): Promise<SupportedLanguage> {
    return this.queries.readerLanguage(actor, locale);
  }
}
