/**
 * An InboundPort that records what an adapter asks of the core and answers with what the test
 * set: a router can then be tested without a database.
 */
import type { InboundPort, Suggestion } from '../../src/core/adapter-contract.ts';
import type { AutocompleteSource } from '../../src/core/commands/definition.ts';
import type { ChannelRef, CommandRequest, Reply } from '../../src/core/commands/invocation.ts';
import type { SupportedLanguage } from '../../src/core/i18n/languages.ts';
import type { ExchangeCard } from '../../src/core/views/exchange-card.ts';

export class RecordingInbound implements InboundPort {
  readonly commands: CommandRequest[] = [];
  readonly suggestRequests: { source: AutocompleteSource; typed: string }[] = [];
  readonly cardRequests: { channel: ChannelRef; exchangeNumber: number }[] = [];
  /** The answer to every command (default: a public "done"). */
  answer: (request: CommandRequest) => Reply | Promise<Reply> = () => ({ text: 'done', private: false });
  /** What channelCard gives. */
  card: ExchangeCard | null = null;
  language: SupportedLanguage = 'en';
  suggestions: Partial<Record<AutocompleteSource, Suggestion[]>> = {};

  runCommand(request: CommandRequest): Promise<Reply> {
    this.commands.push(request);
    return Promise.resolve(this.answer(request));
  }

  suggest(_actor: unknown, source: AutocompleteSource, typed: string): Promise<Suggestion[]> {
    this.suggestRequests.push({ source, typed });
    return Promise.resolve(this.suggestions[source] ?? []);
  }

  channelCard(_actor: unknown, channel: ChannelRef, exchangeNumber: number): Promise<ExchangeCard | null> {
    this.cardRequests.push({ channel, exchangeNumber });
    return Promise.resolve(this.card);
  }

  readerLanguage(): Promise<SupportedLanguage> {
    return Promise.resolve(this.language);
  }
}
