/** When a partnership's reminders and weekly digest go out: settings every partner town shares. */
import { defineCommand } from '../src/core/commands/definition.ts';
import type { ChoiceOption } from '../src/core/commands/definition.ts';
import { partnershipOption } from './shared-options.ts';

export const partnerReminders = defineCommand({
  path: ['partner', 'reminders'],
  role: 'coordinator',
  sharedSetting: true,
  description: {
    en: 'Show or set when reminders go out before events (e.g. 7d,1d,1h, or off)',
    cs: 'Zobrazit nebo nastavit, kdy chodí připomínky před akcemi (např. 7d,1d,1h, nebo off)',
    de: 'Anzeigen oder festlegen, wann Erinnerungen vor Veranstaltungen kommen (z. B. 7d,1d,1h)',
    pl: 'Pokaż lub ustaw, kiedy przed wydarzeniami wychodzą przypomnienia (np. 7d,1d,1h albo off)',
    sk: 'Zobraziť alebo nastaviť, kedy pred podujatiami chodia pripomienky (napr. 7d,1d,1h alebo off)',
    fr: 'Afficher ou régler l’envoi des rappels avant les événements (par ex. 7d,1d,1h, ou off)',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    offsets: {
      type: 'list',
      maxItems: 10,
      itemMaxLength: 10,
      description: {
        en: 'Times before each event, comma-separated: 7d,1d,1h (d, h, m), or off',
        cs: 'Časy před akcí oddělené čárkou: 7d,1d,1h (d, h, m), nebo off',
        de: 'Zeiten vor der Veranstaltung, durch Komma getrennt: 7d,1d,1h (d, h, m) oder off',
        pl: 'Czasy przed wydarzeniem, po przecinku: 7d,1d,1h (d, h, m) albo off',
        sk: 'Časy pred podujatím, oddelené čiarkou: 7d,1d,1h (d, h, m) alebo off',
        fr: 'Délais avant chaque événement, séparés par des virgules : 7d,1d,1h (d, h, m), ou off',
      },
    },
  },
  examples: [
    'partner reminders partnership:1 offsets:7d,1d,1h',
    'partner reminders partnership:1 offsets:off',
  ],
});

/** Labels in the catalog languages' order: en, cs, de, pl, sk, fr. */
const weekday = <V extends string>(
  value: V,
  ...[en, cs, de, pl, sk, fr]: [string, string, string, string, string, string]
) => ({ value, label: { en, cs, de, pl, sk, fr } }) as const;

export const partnerDigest = defineCommand({
  path: ['partner', 'digest'],
  role: 'coordinator',
  sharedSetting: true,
  description: {
    en: 'Show or set the weekly digest of upcoming events: day, hour, or off',
    cs: 'Zobrazit nebo nastavit týdenní přehled nadcházejících akcí: den, hodina, nebo off',
    de: 'Wochenüberblick anstehender Veranstaltungen anzeigen oder einstellen: Tag, Stunde, off',
    pl: 'Pokaż lub ustaw tygodniowe podsumowanie wydarzeń: dzień, godzina albo off',
    sk: 'Zobraziť alebo nastaviť týždenný prehľad podujatí: deň, hodina alebo off',
    fr: 'Afficher ou régler le récapitulatif hebdomadaire des événements : jour, heure, ou off',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    day: {
      type: 'choice',
      description: {
        en: 'Day of the week, or off',
        cs: 'Den v týdnu, nebo off (vypnout)',
        de: 'Wochentag oder off (aus)',
        pl: 'Dzień tygodnia albo off',
        sk: 'Deň v týždni alebo off',
        fr: 'Jour de la semaine, ou off',
      },
      choices: [
        weekday('monday', 'Monday', 'pondělí', 'Montag', 'poniedziałek', 'pondelok', 'lundi'),
        weekday('tuesday', 'Tuesday', 'úterý', 'Dienstag', 'wtorek', 'utorok', 'mardi'),
        weekday('wednesday', 'Wednesday', 'středa', 'Mittwoch', 'środa', 'streda', 'mercredi'),
        weekday('thursday', 'Thursday', 'čtvrtek', 'Donnerstag', 'czwartek', 'štvrtok', 'jeudi'),
        weekday('friday', 'Friday', 'pátek', 'Freitag', 'piątek', 'piatok', 'vendredi'),
        weekday('saturday', 'Saturday', 'sobota', 'Samstag', 'sobota', 'sobota', 'samedi'),
        weekday('sunday', 'Sunday', 'neděle', 'Sonntag', 'niedziela', 'nedeľa', 'dimanche'),
        weekday('off', 'Off', 'vypnout', 'aus', 'wyłącz', 'vypnúť', 'désactiver'),
      ],
    } satisfies ChoiceOption,
    hour: {
      type: 'integer',
      min: 0,
      max: 23,
      description: {
        en: 'Hour of the day, 0-23 (default 9)',
        cs: 'Hodina dne, 0–23 (výchozí 9)',
        de: 'Stunde des Tages, 0–23 (Standard 9)',
        pl: 'Godzina, 0-23 (domyślnie 9)',
        sk: 'Hodina, 0-23 (predvolená 9)',
        fr: 'Heure de la journée, 0-23 (9 par défaut)',
      },
    },
    timezone: {
      type: 'string',
      autocomplete: 'timezone',
      maxLength: 64,
      description: {
        en: 'Time zone of day and hour (default: your town’s)',
        cs: 'Časové pásmo dne a hodiny (výchozí: vašeho města)',
        de: 'Zeitzone für Tag und Stunde (Standard: die Ihrer Stadt)',
        pl: 'Strefa czasowa dnia i godziny (domyślnie: Twojego miasta)',
        sk: 'Časové pásmo dňa a hodiny (predvolené: vášho mesta)',
        fr: 'Fuseau horaire du jour et de l’heure (par défaut : celui de votre ville)',
      },
    },
  },
  rest: 'day',
  examples: ['partner digest partnership:1 day:monday hour:9', 'partner digest partnership:1 off'],
});
