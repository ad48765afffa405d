import { defineCommand } from '../src/core/commands/definition.ts';

export const profileSet = defineCommand({
  path: ['profile', 'set'],
  role: 'member',
  description: {
    en: 'Set the languages you speak (first = answers) and your interests',
    cs: 'Nastavit jazyky, kterými mluvíte (první = odpovědi), a zájmy',
    de: 'Sprachen (erste = Antworten) und Interessen festlegen',
    pl: 'Ustaw języki, którymi mówisz (pierwszy = odpowiedzi), i zainteresowania',
    sk: 'Nastaviť jazyky, ktorými hovoríte (prvý = odpovede), a záujmy',
    fr: 'Définir vos langues (la première pour les réponses) et vos centres d’intérêt',
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
        pl: 'Kody języków oddzielone przecinkami, np. pl,cs,en',
        sk: 'Kódy jazykov oddelené čiarkou, napr. sk,cs,en',
        fr: 'Codes de langue séparés par des virgules, par ex. fr,de,en',
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
        pl: 'Zainteresowania oddzielone przecinkami, np. piłka nożna, chór',
        sk: 'Záujmy oddelené čiarkou, napr. futbal, spev',
        fr: 'Centres d’intérêt séparés par des virgules, par ex. football, chorale',
      },
    },
  },
  examples: ['profile set languages:cs,de interests:"choir, cycling"'],
});

export const profileShow = defineCommand({
  path: ['profile', 'show'],
  role: 'member',
  description: {
    en: 'Show your profile',
    cs: 'Zobrazit váš profil',
    de: 'Ihr Profil anzeigen',
    pl: 'Pokaż swój profil',
    sk: 'Zobraziť váš profil',
    fr: 'Afficher votre profil',
  },
  options: {},
});

export const profileExport = defineCommand({
  path: ['profile', 'export'],
  role: 'member',
  description: {
    en: 'Everything the bot holds about you (only you see it)',
    cs: 'Vše, co o vás bot uchovává (vidíte jen vy)',
    de: 'Alles, was der Bot über Sie speichert (nur Sie sehen es)',
    pl: 'Wszystko, co bot o Tobie przechowuje (widzisz to tylko Ty)',
    sk: 'Všetko, čo o vás bot uchováva (vidíte to iba vy)',
    fr: 'Tout ce que le bot conserve sur vous (vous seul le voyez)',
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
    pl: 'Usuń swoje dane tutaj (odpowiedzi zostają w liczbach, bez imienia)',
    sk: 'Vymazať vaše údaje tu (odpovede zostanú v počtoch, bez mena)',
    fr: 'Supprimer vos données ici (vos réponses restent comptées, sans votre nom)',
  },
  options: {
    confirm: {
      type: 'choice',
      description: {
        en: 'yes: delete now (without it you see what would be deleted)',
        cs: 'yes: smazat hned (bez toho uvidíte, co se smaže)',
        de: 'yes: jetzt löschen (ohne sehen Sie, was gelöscht würde)',
        pl: 'yes: usuń teraz (bez tego zobaczysz, co zostałoby usunięte)',
        sk: 'yes: vymazať hneď (bez toho uvidíte, čo by sa vymazalo)',
        fr: 'yes : supprimer maintenant (sinon vous voyez ce qui serait supprimé)',
      },
      choices: [
        {
          value: 'yes',
          label: {
            en: 'Yes, delete my data',
            cs: 'Ano, smazat mé údaje',
            de: 'Ja, meine Daten löschen',
            pl: 'Tak, usuń moje dane',
            sk: 'Áno, vymazať moje údaje',
            fr: 'Oui, supprimer mes données',
          },
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
    pl: 'Lista poleceń albo opis jednego z nich',
    sk: 'Zoznam príkazov alebo vysvetlenie jedného',
    fr: 'Lister les commandes, ou en expliquer une',
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
        pl: 'Polecenie, np. event create',
        sk: 'Príkaz, napr. event create',
        fr: 'Une commande, par ex. event create',
      },
    },
  },
});
