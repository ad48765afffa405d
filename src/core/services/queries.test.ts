import { describe, expect, it } from 'vitest';
import type { Store } from '../ports.ts';
import { CoreQueries } from './queries.ts';

// Zones and countries need no database: a store that is never opened proves it.
const unopened = new Proxy({} as Store, {
  get() {
    throw new Error('zones and countries must not touch the database');
  },
});
const queries = new CoreQueries(unopened, { now: () => new Date('2026-12-01T12:00:00Z') });
const anyone = { platform: 'DISCORD' as const, communityExternalId: 'a server with no town yet' };

describe('autocomplete of time zones and countries', () => {
  it('finds a zone by its city, ignoring case and underscores, cities starting with it first', async () => {
    expect((await queries.suggest(anyone, 'timezone', 'prag')).map((s) => s.value)).toEqual([
      'Europe/Prague',
    ]);
    const newYork = await queries.suggest(anyone, 'timezone', 'new y');
    expect(newYork[0]).toEqual({ value: 'America/New_York', label: 'America/New_York' });
    const berlin = await queries.suggest(anyone, 'timezone', 'Europe/Ber');
    expect(berlin.map((s) => s.value)).toContain('Europe/Berlin');
  });

  it('offers at most 25 zones, as Discord takes', async () => {
    expect(await queries.suggest(anyone, 'timezone', '')).toHaveLength(25);
    expect(await queries.suggest(anyone, 'timezone', 'no such place')).toEqual([]);
  });

  it('names countries in the member’s language and finds them by code, local or English name', async () => {
    expect(await queries.suggest(anyone, 'country', 'tsch', 'de')).toContainEqual({
      value: 'CZ',
      label: 'Tschechien (CZ)',
    });
    expect((await queries.suggest(anyone, 'country', 'cz', 'cs'))[0]).toEqual({
      value: 'CZ',
      label: 'Česko (CZ)',
    });
    expect((await queries.suggest(anyone, 'country', 'germany', 'cs'))[0]).toEqual({
      value: 'DE',
      label: 'Německo (DE)',
    });
    expect((await queries.suggest(anyone, 'country', 'de', 'en-US'))[0]?.value).toBe('DE');
  });
});
