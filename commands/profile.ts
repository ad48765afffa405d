import { defineCommand } from '../src/core/commands/definition.ts';

export const profileSet = defineCommand({
  path: ['profile', 'set'],
  role: 'member',
  description: {
    en: 'Set the languages you speak (first = answers) and your interests',
    cs: 'Nastavit jazyky, kterými mluvíte (první = odpovědi), a zájmy',
    de: 'Sprachen (erste = Antworten) und Interessen festlegen',
  },
  options: {
    languages: {
      type: 'list',
      maxItems: 10,
      itemMaxLength: 35,
      description: {
        en: 'Language codes, comma-separated, e.g. cs,de,en',
        cs: 'Kódy jazyků oddělené čárkou, např. cs,de,en',
        de: 'Sprachcodes, durch Komma getrennt, z. B. de,cs,en',
      },
    },
    interests: {
      type: 'list',
      maxItems: 20,
      itemMaxLength: 50,
      description: {
        en: 'Interests, comma-separated, e.g. football, choir',
        cs: 'Zájmy oddělené čárkou, např. fotbal, sbor',
        de: 'Interessen, durch Komma getrennt, z. B. Fußball, Chor',
      },
    },
  },
  examples: ['profile set languages:cs,de interests:"choir, cycling"'],
});

export const profileShow = defineCommand({
  path: ['profile', 'show'],
  role: 'member',
  description: { en: 'Show your profile', cs: 'Zobrazit váš profil', de: 'Ihr Profil anzeigen' },
  options: {},
});

export const profileExport = defineCommand({
  path: ['profile', 'export'],
  role: 'member',
  description: {
    en: 'Everything the bot holds about you (only you see it)',
    cs: 'Vše, co o vás bot uchovává (vidíte jen vy)',
    de: 'Alles, was der Bot über Sie speichert (nur Sie sehen es)',
  },
  options: {},
});

export const profileForget = defineCommand({
  path: ['profile', 'forget'],
  role: 'member',
  description: {
    en: 'Delete your data here (your answers stay in counts, without your name)',
    cs: 'Smazat vaše údaje (odpovědi zůstanou v počtech, bez jména)',
    de: 'Ihre Daten löschen (Antworten bleiben ohne Namen in den Zahlen)',
  },
  options: {
    confirm: {
      type: 'choice',
      description: {
        en: 'yes: delete now (without it you see what would be deleted)',
        cs: 'yes: smazat hned (bez toho uvidíte, co se smaže)',
        de: 'yes: jetzt löschen (ohne sehen Sie, was gelöscht würde)',
      },
      choices: [
        {
          value: 'yes',
          label: { en: 'Yes, delete my data', cs: 'Ano, smazat mé údaje', de: 'Ja, meine Daten löschen' },
        },
      ],
    },
  },
  examples: ['profile forget', 'profile forget confirm:yes'],
});

export const help = defineCommand({
  path: ['help'],
  role: 'anyone',
  description: {
    en: 'List commands, or explain one',
    cs: 'Vypsat příkazy nebo vysvětlit jeden',
    de: 'Befehle auflisten oder einen erklären',
  },
  rest: 'command',
  options: {
    command: {
      type: 'string',
      maxLength: 60,
      description: {
        en: 'A command, e.g. event create',
        cs: 'Příkaz, např. event create',
        de: 'Ein Befehl, z. B. event create',
      },
    },
  },
});
