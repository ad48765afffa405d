/**
 * The few answers only the Discord adapter gives (about Discord itself, before any command runs),
 * in the catalog languages. Everything about towns, partnerships and exchanges comes translated
 * from the core.
 */
import type { SupportedLanguage } from '../../core/i18n/languages.ts';

const TEXTS = {
  /** A button whose custom id this version does not know (a card from an older release). */
  'button.unknown': {
    en: 'This button no longer works. Use /event info to get a fresh card.',
    cs: 'Toto tlačítko už nefunguje. Aktuální kartu zobrazí /event info.',
    de: 'Diese Schaltfläche funktioniert nicht mehr. Eine aktuelle Karte zeigt /event info.',
    pl: 'Ten przycisk już nie działa. Aktualną kartę pokaże /event info.',
    sk: 'Toto tlačidlo už nefunguje. Aktuálnu kartu zobrazí /event info.',
    fr: 'Ce bouton ne fonctionne plus. Utilisez /event info pour obtenir une carte à jour.',
  },
  /** Commands are registered for servers only; an old registration could still reach a DM. */
  'dm.not-supported': {
    en: 'Twinbridge works in the channels of your town’s server, not in direct messages.',
    cs: 'Twinbridge funguje v kanálech serveru vašeho města, ne v soukromých zprávách.',
    de: 'Twinbridge funktioniert in den Kanälen des Servers Ihrer Stadt, nicht in Direktnachrichten.',
    pl: 'Twinbridge działa na kanałach serwera Twojego miasta, a nie w wiadomościach prywatnych.',
    sk: 'Twinbridge funguje v kanáloch servera vášho mesta, nie v súkromných správach.',
    fr: 'Twinbridge fonctionne dans les salons du serveur de votre ville, pas dans les messages privés.',
  },
} as const satisfies Record<string, Record<SupportedLanguage, string>>;

export type DiscordTextKey = keyof typeof TEXTS;

export function discordText(language: SupportedLanguage, key: DiscordTextKey): string {
  return TEXTS[key][language];
}
