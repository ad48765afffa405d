/**
 * Read-only questions adapters ask besides commands: autocomplete suggestions while a member
 * types, and an exchange card as one channel should show it (to refresh a posted card in place).
 */
import type { Suggestion } from '../adapter-contract.ts';
import type { AutocompleteSource } from '../commands/definition.ts';
import type { Actor, ChannelRef } from '../commands/invocation.ts';
import { countryCodes, countryName } from '../domain/places.ts';
import { memberLanguage, resolveLanguage, type SupportedLanguage } from '../i18n/languages.ts';
import type { Clock, Store } from '../ports.ts';
import type { ExchangeCard } from '../views/exchange-card.ts';
import { buildExchangeCard } from '../views/exchange-view.ts';

const MAX_SUGGESTIONS = 25;

/** `Europe/Prague` also found as "prague", "europe prague". */
function zoneWords(zone: string): string {
  return zone.toLowerCase().replaceAll('_', ' ');
}

/** IANA zones matching what was typed, those whose city starts with it first. */
function timeZoneSuggestions(query: string): Suggestion[] {
  const typed = query.replaceAll('_', ' ');
  const cityStarts = (zone: string): boolean => zoneWords(zone.split('/').at(-1) ?? zone).startsWith(typed);
  return Intl.supportedValuesOf('timeZone')
    .filter((zone) => typed === '' || zoneWords(zone).includes(typed))
    .sort((a, b) => Number(cityStarts(b)) - Number(cityStarts(a)) || a.localeCompare(b))
    .map((zone) => ({ value: zone, label: zone }));
}

/** Countries whose code, or name in the reader's language or English, matches what was typed. */
function countrySuggestions(query: string, locale: string | undefined): Suggestion[] {
  const language = locale ?? 'en';
  return countryCodes()
    .map((code) => ({ code, name: countryName(code, language), english: countryName(code, 'en') }))
    .filter(
      ({ code, name, english }) =>
        query === '' ||
        code.toLowerCase() === query ||
        name.toLowerCase().includes(query) ||
        english.toLowerCase().includes(query),
    )
    .sort(
      (a, b) =>
        Number(b.code.toLowerCase() === query) - Number(a.code.toLowerCase() === query) ||
        a.name.localeCompare(b.name, language),
    )
    .map(({ code, name }) => ({ value: code, label: `${name} (${code})` }));
}

export class CoreQueries {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * What the member can pick for an option: things of their own town's partnerships only; zones
   * and countries (named in `locale`, the member's platform language) for anyone.
   */
  async suggest(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    source: AutocompleteSource,
    typed: string,
    locale?: string,
  ): Promise<Suggestion[]> {
    const query = typed.trim().toLowerCase();
    if (source === 'timezone') return timeZoneSuggestions(query).slice(0, MAX_SUGGESTIONS);
    if (source === 'country') return countrySuggestions(query, locale).slice(0, MAX_SUGGESTIONS);
    const now = this.clock.now();
    const all = await this.store.transaction(async (repos) => {
      const community = await repos.communities.findByExternalId(actor.platform, actor.communityExternalId);
      const town = community && (await repos.towns.findByCommunity(community.id));
      if (!town) return [];
      const partnerships = await repos.partnerships.listForTown(town.id);
      switch (source) {
        case 'partnership':
          return partnerships.map((p) => ({ value: p.number, label: `#${p.number} ${p.name}` }));
        case 'exchange': {
          const exchanges = await repos.exchanges.list({
            partnershipIds: partnerships.map((p) => p.id),
            endsAfter: now,
            statuses: ['PLANNED'],
            limit: 100,
          });
          return exchanges.map((e) => ({ value: e.number, label: `#${e.number} ${e.title}` }));
        }
        case 'announcement': {
          const announcements = await repos.announcements.list({
            partnershipIds: partnerships.map((p) => p.id),
            statuses: ['SCHEDULED'],
            limit: 100,
          });
          return announcements.map((a) => ({ value: a.number, label: `#${a.number} ${a.text}` }));
        }
      }
    });
    return all
      .filter((s) => query === '' || s.label.toLowerCase().includes(query) || String(s.value) === query)
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => ({ ...s, label: s.label.length > 100 ? `${s.label.slice(0, 99)}…` : s.label }));
  }

  /**
   * The language answers to this person come in (their own, else the platform's locale, else
   * their town's), for texts an adapter shows before any command runs (form labels).
   */
  async readerLanguage(
    actor: Pick<Actor, 'platform' | 'communityExternalId' | 'userId'>,
    locale?: string,
  ): Promise<SupportedLanguage> {
    return this.store.transaction(async (repos) => {
      const community = await repos.communities.findByExternalId(actor.platform, actor.communityExternalId);
      if (!community) return resolveLanguage(locale);
      const member = await repos.members.findByPlatformUser(community.id, actor.userId);
      const town = await repos.towns.findByCommunity(community.id);
      return memberLanguage({ person: member?.languages[0], platform: locale, town: town?.language });
    });
  }

  /**
   * The card for an exchange as a linked channel shows it (that channel's language and its
   * town's zone); null when the channel is not linked to the exchange's partnership.
   */
  async channelCard(
    actor: Pick<Actor, 'platform' | 'communityExternalId'>,
    channel: ChannelRef,
    exchangeNumber: number,
  ): Promise<ExchangeCard | null> {
    const now = this.clock.now();
    return this.store.transaction(async (repos) => {
      const community = await repos.communities.findByExternalId(actor.platform, actor.communityExternalId);
      const exchange = await repos.exchanges.findByNumber(exchangeNumber);
      if (!community || !exchange) return null;
      const link = await repos.channelLinks.find(exchange.partnershipId, community.id, channel.id);
      const partnership = await repos.partnerships.findById(exchange.partnershipId);
      const town = link ? partnership?.towns.find((t) => t.id === link.townId) : undefined;
      if (!link || !partnership || !town) return null;
      return buildExchangeCard({
        exchange,
        towns: partnership.towns,
        rsvps: await repos.rsvps.listForExchange(exchange.id),
        reader: { language: resolveLanguage(link.language, town.language), timeZone: town.timeZone },
        now,
      });
    });
  }
}
