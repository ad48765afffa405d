import { describe, expect, it } from 'vitest';
import { cooperationAreas, exchangeKinds, partnershipForms, partnershipStatuses } from './vocabularies.ts';

describe('vocabularies', () => {
  it('spell domain values the way people type them, and read them back', () => {
    expect(exchangeKinds.option('YOUTH_EXCHANGE')).toBe('youth-exchange');
    expect(exchangeKinds.fromOption('youth-exchange')).toBe('YOUTH_EXCHANGE');
    expect(partnershipForms.fromOption('joint-project')).toBe('JOINT_PROJECT');
    expect(partnershipStatuses.option('DORMANT')).toBe('dormant');
    expect(cooperationAreas.fromOption('urban-development')).toBe('urban-development');
  });

  it('forgive case, spaces and underscores, and know no other words', () => {
    expect(cooperationAreas.fromOption(' Urban Development ')).toBe('urban-development');
    expect(exchangeKinds.fromOption('YOUTH_EXCHANGE')).toBe('YOUTH_EXCHANGE');
    expect(cooperationAreas.fromOption('gardening')).toBeUndefined();
    expect(partnershipForms.fromOption('')).toBeUndefined();
  });

  it('list every value the database schema knows, in the order offered', () => {
    expect(exchangeKinds.values).toEqual([
      'DELEGATION_VISIT',
      'CITIZENS_MEETING',
      'YOUTH_EXCHANGE',
      'SCHOOL_EXCHANGE',
      'STUDY_VISIT',
      'CULTURAL_EVENT',
      'SPORTS_EVENT',
      'ONLINE_MEETING',
      'BUSINESS_FORUM',
    ]);
    expect(partnershipForms.values).toEqual(['FORMAL', 'JOINT_PROJECT', 'INFORMAL']);
    expect(partnershipStatuses.values).toEqual(['PROPOSED', 'ACTIVE', 'DORMANT', 'ENDED']);
    expect(cooperationAreas.entries.map((e) => e.option)).toEqual([
      'urban-development',
      'social-affairs',
      'education',
      'environment',
      'tourism',
      'local-government',
      'economy',
      'culture',
      'sport',
      'youth',
    ]);
  });

  it('label each value in the reader’s language', () => {
    expect(exchangeKinds.label('YOUTH_EXCHANGE', 'cs')).toBe('Výměna mládeže');
    expect(exchangeKinds.label('YOUTH_EXCHANGE', 'de')).toBe('Jugendaustausch');
    expect(partnershipForms.label('FORMAL', 'en')).toBe('Formal agreement');
    expect(partnershipStatuses.label('DORMANT', 'de')).toBe('Ruhend');
    expect(cooperationAreas.label('culture', 'cs')).toBe('kultura');
  });
});
