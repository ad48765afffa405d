import { describe, expect, it } from 'vitest';
import {
  countryCodes,
  countryName,
  languageName,
  normalizeCountryCode,
  normalizeLanguageTag,
} from './places.ts';

describe('country codes', () => {
  it('accept ISO 3166-1 alpha-2 codes in any case and spacing, upper-cased', () => {
    expect(normalizeCountryCode(' cz ')).toBe('CZ');
    expect(normalizeCountryCode('De')).toBe('DE');
  });

  it('refuse what is not an assigned two-letter code', () => {
    expect(normalizeCountryCode('XX')).toBeNull();
    expect(normalizeCountryCode('CZE')).toBeNull();
    expect(normalizeCountryCode('276')).toBeNull();
    expect(normalizeCountryCode('xCZ')).toBeNull();
    expect(normalizeCountryCode('CZx')).toBeNull();
  });

  it('list every assigned code (249, and Kosovo’s user-assigned XK), each valid itself', () => {
    const codes = countryCodes();
    expect(codes).toHaveLength(250);
    expect(codes).toEqual(expect.arrayContaining(['CZ', 'DE', 'AT', 'PL', 'XK']));
    expect(codes.filter((code) => normalizeCountryCode(code) !== code)).toEqual([]);
  });

  it('are named in the reader’s language', () => {
    expect(countryName('DE', 'cs')).toBe('Německo');
    expect(countryName('CZ', 'de')).toBe('Tschechien');
    expect(countryName('AT', 'en')).toBe('Austria');
  });
});

describe('language tags', () => {
  it('accept real languages, canonically spelled', () => {
    expect(normalizeLanguageTag(' cs ')).toBe('cs');
    expect(normalizeLanguageTag('de-at')).toBe('de-AT');
    expect(normalizeLanguageTag('zh-hant')).toBe('zh-Hant');
  });

  it('refuse malformed tags and well-formed tags of no known language', () => {
    expect(normalizeLanguageTag('not a tag')).toBeNull();
    expect(normalizeLanguageTag('')).toBeNull();
    expect(normalizeLanguageTag('qq')).toBeNull();
    expect(normalizeLanguageTag('qq-AT')).toBeNull();
  });

  it('are named in the reader’s language', () => {
    expect(languageName('cs', 'de')).toBe('Tschechisch');
    expect(languageName('de', 'cs')).toBe('němčina');
  });
});
