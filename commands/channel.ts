import { defineCommand } from '../src/core/commands/definition.ts';
import { languageTagOption, partnershipOption } from './shared-options.ts';

export const channelLink = defineCommand({
  path: ['channel', 'link'],
  role: 'coordinator',
  description: {
    en: 'Link this channel to a partnership: the bot posts there in its language',
    cs: 'Propojit tento kanál s partnerstvím: bot sem píše v jeho jazyce',
    de: 'Diesen Kanal mit einer Partnerschaft verbinden: der Bot postet in seiner Sprache',
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    language: {
      ...languageTagOption,
      description: {
        en: 'Language of posts here (default: your town’s)',
        cs: 'Jazyk příspěvků zde (výchozí: jazyk města)',
        de: 'Sprache der Beiträge hier (Standard: die der Stadt)',
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
  },
  options: {
    partnership: { ...partnershipOption, required: true },
    relay: {
      type: 'choice',
      required: true,
      description: { en: 'on or off', cs: 'on (zapnout) nebo off (vypnout)', de: 'on (an) oder off (aus)' },
      choices: [
        { value: 'on', label: { en: 'On', cs: 'zapnout', de: 'an' } },
        { value: 'off', label: { en: 'Off', cs: 'vypnout', de: 'aus' } },
      ],
    },
  },
  rest: 'relay',
  examples: ['channel relay partnership:1 on', 'channel relay partnership:1 off'],
});
