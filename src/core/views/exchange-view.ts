/** Builds the translated card for one exchange, as one reader (or one channel) should see it. */
import { seatsTaken, type Exchange, type Rsvp, type Town } from '../domain/model.ts';
import { exchangeKinds } from '../domain/vocabularies.ts';
import type { SupportedLanguage } from '../i18n/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { formatRange, localDateTimeInput } from '../time/index.ts';
import type { ExchangeCard } from './exchange-card.ts';

export interface ExchangeCardInput {
  exchange: Exchange;
  /** Every town of the partnership (host and answering towns are looked up here). */
  towns: readonly Town[];
  rsvps: readonly Rsvp[];
  reader: { language: SupportedLanguage; timeZone: string };
  now: Date;
}

/**
 * When an exchange happens, in the one long form cards and lists share:
 * `Fri, 5 Jun 2026, 18:00–20:00 CEST (Europe/Prague)`.
 */
export function exchangeWhenText(
  exchange: Pick<Exchange, 'startsAt' | 'endsAt'>,
  reader: { language: SupportedLanguage; timeZone: string },
): string {
  return formatRange(exchange.startsAt, exchange.endsAt, reader.timeZone, reader.language);
}

export function buildExchangeCard({ exchange, towns, rsvps, reader, now }: ExchangeCardInput): ExchangeCard {
  const t = translatorFor(reader.language);
  const townName = (id: string) => towns.find((town) => town.id === id)?.name ?? '?';
  const host = towns.find((town) => town.id === exchange.hostTownId);
  const going = rsvps.filter((r) => r.status === 'GOING');
  const seats = going.reduce((sum, r) => sum + seatsTaken(r), 0);
  const waiting = rsvps.filter((r) => r.status === 'WAITLISTED').length;
  const maybe = rsvps.filter((r) => r.status === 'MAYBE').length;

  const perTown = new Map<string, number>();
  for (const r of going) perTown.set(r.townId, (perTown.get(r.townId) ?? 0) + seatsTaken(r));
  const perTownText = [...perTown.entries()]
    .map(([townId, count]) => `${townName(townId)} ${count}`)
    .join(' · ');

  const fields: ExchangeCard['fields'] = [];
  if (exchange.status === 'CANCELLED') fields.push({ label: t('card.status'), value: t('card.cancelled') });
  fields.push({ label: t('card.host'), value: host ? `${host.name} (${host.country})` : '?' });
  fields.push({ label: t('card.kind'), value: exchangeKinds.label(exchange.kind, reader.language) });
  if (exchange.location) fields.push({ label: t('card.place'), value: exchange.location });
  // Show the host's wall clock only where it differs (Prague and Berlin read the same).
  const hostClockDiffers = (instant: Date) =>
    localDateTimeInput(instant, exchange.timeZone) !== localDateTimeInput(instant, reader.timeZone);
  if (hostClockDiffers(exchange.startsAt) || hostClockDiffers(exchange.endsAt)) {
    fields.push({
      label: t('card.host-time'),
      value: exchangeWhenText(exchange, { language: reader.language, timeZone: exchange.timeZone }),
    });
  }
  fields.push({
    label: t('card.places'),
    value:
      exchange.capacity === null
        ? t('card.places-unlimited', { seats })
        : t('card.places-limited', { seats, capacity: exchange.capacity, waiting }),
  });
  fields.push({ label: t('card.going-per-town'), value: perTownText || '—' });
  if (maybe > 0) fields.push({ label: t('card.maybe'), value: String(maybe) });

  const open = exchange.status === 'PLANNED' && exchange.endsAt > now;
  return {
    number: exchange.number,
    title: exchange.title,
    description: exchange.description,
    status: exchange.status,
    startsAt: exchange.startsAt,
    endsAt: exchange.endsAt,
    timeZone: exchange.timeZone,
    whenText: exchangeWhenText(exchange, reader),
    fields,
    ...(open
      ? {
          rsvpButtons: {
            going: t('card.button-going'),
            maybe: t('card.button-maybe'),
            no: t('card.button-no'),
          },
        }
      : {}),
  };
}
