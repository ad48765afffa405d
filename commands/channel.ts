import { defineCommand } from '../src/core/commands/definition.ts';
import { languageTagOption, partnershipOption } from './shared-options.ts';

export const channelLink = defineCommand({
  path: ['channel', 'link'],
  role: 'coordinator',
  description: {
    en: 'Link this channel to a partnership: the bot posts there in its language',
    cs: 'Propojit tento kanál s partnerstvím: bot sem píše v jeho jazyce',
    de: 'Diesen Kanal mit einer Partnerschaft verbinden: der Bot postet in seiner Sprache',
    pl: 'Połącz ten kanał z partnerstwem: bot pisze tu w jego języku',
    sk: 'Prepojiť tento kanál s partnerstvom: bot sem píše v jeho jazyku',
    fr: 'Lier ce salon à un partenariat : le bot y publie dans sa langue',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    language: {
      ...languageTagOption,
      description: {
        en: 'Language of posts here (default: your town’s)',
        cs: 'Jazyk příspěvků zde (výchozí: jazyk města)',
        de: 'Sprache der Beiträge hier (Standard: die der Stadt)',
        pl: 'Język postów tutaj (domyślnie: język miasta)',
        sk: 'Jazyk príspevkov tu (predvolený: jazyk mesta)',
        fr: 'Langue des messages ici (par défaut : celle de la ville)',
      },
    },
  },
});

export const channelUnlink = defineCommand({
  path: ['channel', 'unlink'],
  role: 'coordinator',
  description: {
    en: 'Stop posting a partnership’s news in this channel',
    cs: 'Přestat v tomto kanálu zveřejňovat novinky partnerství',
    de: 'Keine Neuigkeiten der Partnerschaft mehr in diesem Kanal',
    pl: 'Przestań publikować w tym kanale wieści partnerstwa',
    sk: 'Prestať v tomto kanáli zverejňovať novinky partnerstva',
    fr: 'Ne plus publier les nouvelles d’un partenariat dans ce salon',
  },
  options: { partnership: { ...partnershipOption, required: true } },
});

export const channelRelay = defineCommand({
  path: ['channel', 'relay'],
  role: 'coordinator',
  description: {
    en: 'Relay what members write here to the partner towns’ relaying channels, and theirs here',
    cs: 'Přeposílat, co sem členové píší, do přeposílacích kanálů partnerských měst, a jejich sem',
    de: 'Was Mitglieder hier schreiben, in die Relay-Kanäle der Partnerstädte senden, und ihres hierher',
    pl: 'Przekazuj wpisy członków do kanałów przekazujących miast partnerskich, a ich wpisy tutaj',
    sk: 'Preposielať, čo sem členovia píšu, do preposielacích kanálov partnerských miest, a ich sem',
    fr: 'Relayer les messages d’ici vers les salons relais des villes partenaires, et les leurs ici',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    relay: {
      type: 'choice',
      required: true,
      description: {
        en: 'on or off',
        cs: 'on (zapnout) nebo off (vypnout)',
        de: 'on (an) oder off (aus)',
        pl: 'on (włącz) albo off (wyłącz)',
        sk: 'on (zapnúť) alebo off (vypnúť)',
        fr: 'on (activer) ou off (désactiver)',
      },
      choices: [
        {
          value: 'on',
          label: { en: 'On', cs: 'zapnout', de: 'an', pl: 'włącz', sk: 'zapnúť', fr: 'activer' },
        },
        {
          value: 'off',
          label: { en: 'Off', cs: 'vypnout', de: 'aus', pl: 'wyłącz', sk: 'vypnúť', fr: 'désactiver' },
        },
      ],
    },
  },
  rest: 'relay',
  examples: ['channel relay partnership:1 on', 'channel relay partnership:1 off'],
});
