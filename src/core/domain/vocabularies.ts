/**
 * The fixed vocabularies of twinning: exchange kinds, partnership forms and statuses, areas of
 * cooperation. Each has its domain values (as the database stores them), a label in every
 * catalog language, and one spelling for people to type (`YOUTH_EXCHANGE` is typed
 * `youth-exchange`). Command options are built from these, views label with them.
 */
import type { SupportedLanguage } from '../i18n/languages.ts';

/** `YOUTH_EXCHANGE` -> `youth-exchange`; values already lower-case stay as they are. */
export type OptionSpelling<V extends string> = V extends `${infer Head}_${infer Tail}`
  ? `${Lowercase<Head>}-${OptionSpelling<Tail>}`
  : Lowercase<V>;

export type VocabularyLabels = Record<SupportedLanguage, string>;

export interface VocabularyEntry<V extends string> {
  value: V;
  /** What people type and options offer. */
  option: OptionSpelling<V>;
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

/** A vocabulary from its values and their labels, in the order the labels are written. */
export function defineVocabulary<const V extends string>(labels: Record<V, VocabularyLabels>): Vocabulary<V> {
  const values = Object.keys(labels) as V[];
  const entries = values.map((value) => ({ value, option: spell(value), label: labels[value] }));
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
    label: (value, language) => labels[value][language],
  };
}

export const exchangeKinds = defineVocabulary({
  DELEGATION_VISIT: { en: 'Delegation visit', cs: 'Návštěva delegace', de: 'Delegationsbesuch' },
  CITIZENS_MEETING: { en: 'Citizens’ meeting', cs: 'Setkání občanů', de: 'Bürgertreffen' },
  YOUTH_EXCHANGE: { en: 'Youth exchange', cs: 'Výměna mládeže', de: 'Jugendaustausch' },
  SCHOOL_EXCHANGE: { en: 'School exchange', cs: 'Výměna škol', de: 'Schüleraustausch' },
  STUDY_VISIT: { en: 'Study visit', cs: 'Studijní cesta', de: 'Studienbesuch' },
  CULTURAL_EVENT: { en: 'Cultural event', cs: 'Kulturní akce', de: 'Kulturveranstaltung' },
  SPORTS_EVENT: { en: 'Sports event', cs: 'Sportovní akce', de: 'Sportveranstaltung' },
  ONLINE_MEETING: { en: 'Online meeting', cs: 'Online setkání', de: 'Online-Treffen' },
  BUSINESS_FORUM: { en: 'Business forum', cs: 'Podnikatelské fórum', de: 'Wirtschaftsforum' },
});
export type ExchangeKind = (typeof exchangeKinds.values)[number];

export const partnershipForms = defineVocabulary({
  FORMAL: { en: 'Formal agreement', cs: 'Formální smlouva', de: 'Formelle Vereinbarung' },
  JOINT_PROJECT: { en: 'Joint project', cs: 'Společný projekt', de: 'Gemeinsames Projekt' },
  INFORMAL: { en: 'Informal', cs: 'Neformální', de: 'Informell' },
});
export type PartnershipForm = (typeof partnershipForms.values)[number];

export const partnershipStatuses = defineVocabulary({
  PROPOSED: { en: 'Proposed', cs: 'Navrženo', de: 'Vorgeschlagen' },
  ACTIVE: { en: 'Active', cs: 'Aktivní', de: 'Aktiv' },
  DORMANT: { en: 'Dormant', cs: 'Nečinné', de: 'Ruhend' },
  ENDED: { en: 'Ended', cs: 'Ukončeno', de: 'Beendet' },
});
export type PartnershipStatus = (typeof partnershipStatuses.values)[number];

/**
 * Areas are stored as typed (`urban-development`). Their labels are written as they read in a
 * list after “Areas:”, so English and Czech are lower-case and German nouns capitalised.
 */
export const cooperationAreas = defineVocabulary({
  'urban-development': { en: 'urban development', cs: 'rozvoj měst', de: 'Stadtentwicklung' },
  'social-affairs': { en: 'social affairs', cs: 'sociální věci', de: 'Soziales' },
  education: { en: 'education', cs: 'vzdělávání', de: 'Bildung' },
  environment: { en: 'environment', cs: 'životní prostředí', de: 'Umwelt' },
  tourism: { en: 'tourism', cs: 'cestovní ruch', de: 'Tourismus' },
  'local-government': { en: 'local government', cs: 'místní samospráva', de: 'Kommunalverwaltung' },
  economy: { en: 'economy', cs: 'hospodářství', de: 'Wirtschaft' },
  culture: { en: 'culture', cs: 'kultura', de: 'Kultur' },
  sport: { en: 'sport', cs: 'sport', de: 'Sport' },
  youth: { en: 'youth', cs: 'mládež', de: 'Jugend' },
});
export type CooperationArea = (typeof cooperationAreas.values)[number];
