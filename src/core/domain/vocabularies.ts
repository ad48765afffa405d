/**
 * The fixed vocabularies of twinning: exchange kinds, partnership forms and statuses, areas of
 * cooperation. Each has its domain values (as the database stores them), a catalog message for
 * its label (so every catalog language labels it, and the catalog checks cover it), and one
 * spelling for people to type (`YOUTH_EXCHANGE` is typed `youth-exchange`). Command options are
 * built from these, views label with them.
 */
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../i18n/languages.ts';
import { translate, type MessageKey } from '../i18n/translator.ts';

/** `YOUTH_EXCHANGE` -> `youth-exchange`; values already lower-case stay as they are. */
export type OptionSpelling<V extends string> = V extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}-${OptionSpelling<Tail>}`
  : Lowercase<V>;

export type VocabularyLabels = Record<SupportedLanguage, string>;

export interface VocabularyEntry<V extends string> {
  value: V;
  /** What people type and options offer. */
  option: OptionSpelling<V>;
  /** The catalog message that labels the value. */
  labelKey: MessageKey;
  /** The label in every catalog language (for option choices). */
  label: VocabularyLabels;
}

export interface Vocabulary<V extends string> {
  /** Domain values, in the order people are offered them. */
  readonly values: readonly V[];
  readonly entries: readonly VocabularyEntry<V>[];
  /** The spelling people type for a value. */
  option(value: V): OptionSpelling<V>;
  /** The value a typed spelling stands for (case, spaces and `_` forgiven), if any. */
  fromOption(typed: OptionSpelling<V>): V;
  fromOption(typed: string): V | undefined;
  label(value: V, language: SupportedLanguage): string;
}

function spell<V extends string>(value: V): OptionSpelling<V> {
  return value.toLowerCase().replaceAll('_', '-') as OptionSpelling<V>;
}

function labelsOf(key: MessageKey): VocabularyLabels {
  return Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => [language, translate(language, key)]),
  ) as VocabularyLabels;
}

/** A vocabulary from its values and their label messages, in the order they are written. */
export function defineVocabulary<const V extends string>(labels: Record<V, MessageKey>): Vocabulary<V> {
  const values = Object.keys(labels) as V[];
  const entries = values.map((value) => ({
    value,
    option: spell(value),
    labelKey: labels[value],
    label: labelsOf(labels[value]),
  }));
  const byOption = new Map<string, V>(entries.map((entry) => [entry.option, entry.value]));
  return {
    values,
    entries,
    option: spell,
    fromOption: ((typed: string) =>
      byOption.get(
        typed
          .trim()
          .toLowerCase()
          .replaceAll(/[\s_]+/g, '-'),
      )) as Vocabulary<V>['fromOption'],
    label: (value, language) => translate(language, labels[value]),
  };
}

export const exchangeKinds = defineVocabulary({
  DELEGATION_VISIT: 'kind.delegation-visit',
  CITIZENS_MEETING: 'kind.citizens-meeting',
  YOUTH_EXCHANGE: 'kind.youth-exchange',
  SCHOOL_EXCHANGE: 'kind.school-exchange',
  STUDY_VISIT: 'kind.study-visit',
  CULTURAL_EVENT: 'kind.cultural-event',
  SPORTS_EVENT: 'kind.sports-event',
  ONLINE_MEETING: 'kind.online-meeting',
  BUSINESS_FORUM: 'kind.business-forum',
});
export type ExchangeKind = (typeof exchangeKinds.values)[number];

export const partnershipForms = defineVocabulary({
  FORMAL: 'form.formal',
  JOINT_PROJECT: 'form.joint-project',
  INFORMAL: 'form.informal',
});
export type PartnershipForm = (typeof partnershipForms.values)[number];

export const partnershipStatuses = defineVocabulary({
  PROPOSED: 'status.proposed',
  ACTIVE: 'status.active',
  DORMANT: 'status.dormant',
  ENDED: 'status.ended',
});
export type PartnershipStatus = (typeof partnershipStatuses.values)[number];

/** Areas are stored as typed (`urban-development`). */
export const cooperationAreas = defineVocabulary({
  'urban-development': 'area.urban-development',
  'social-affairs': 'area.social-affairs',
  education: 'area.education',
  environment: 'area.environment',
  tourism: 'area.tourism',
  'local-government': 'area.local-government',
  economy: 'area.economy',
  culture: 'area.culture',
  sport: 'area.sport',
  youth: 'area.youth',
});
export type CooperationArea = (typeof cooperationAreas.values)[number];
