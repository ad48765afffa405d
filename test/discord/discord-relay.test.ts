/**
 * The relay between two Discord servers through the real discord.js and the emulator
 * (docs/RELAY.md): a member's message appears in the partner server through the channel's relay
 * webhook as "Name (Town)" with the avatar; a reply goes into a thread on both sides; edits and
 * deletes reach the copy; the relay's own copies and the bot's posts are not relayed again; a
 * channel that stops relaying gets and gives nothing.
 */
import { Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { DiscordHarness, PEOPLE, twinTowns } from './discord-harness.ts';
import {
  JANA_AVATAR,
  memberDeletes,
  memberEdits,
  memberWrites,
  nextEvent,
  relay,
  relayed,
  relayTowns,
  shown,
} from './discord-relay-fixtures.ts';

const { jana, max } = PEOPLE;

describe('relaying between two Discord servers', () => {
  let database: Database;
  let h: DiscordHarness;

  beforeEach(async () => {
    database = await createTestDatabase('embedded');
    h = await DiscordHarness.start({
      database,
      guilds: relayTowns(),
      messageContent: true,
      emulator: { privilegedIntents: { messageContent: true } },
    });
    await twinTowns(h);
    await relay(h, 'jana', 'on');
    await relay(h, 'max', 'on');
  });
  afterEach(async () => {
    await h.stop();
    await database.close();
  });

  /** The relay's posts in Passau's channel. */
  const copies = () => relayed(h, 'partnerstadt', 'Passau').filter((m) => m.webhookId);

  it('posts a member’s message in the partner channel through the relay webhook, as “Name (Town)” with the avatar', async () => {
    const petra = h.discord.userId('petra');
    await memberWrites(h, { ...jana, content: `Dobrý den, Pasove! Ptejte se <@${petra}> @everyone` });
    const [copy] = copies();
    expect(copy).toMatchObject({
      authorName: 'Jana (Český Krumlov)',
      avatarUrl: `https://cdn.discordapp.com/avatars/${h.discord.userId('jana')}/${JANA_AVATAR}.png?size=128`,
      content: 'Dobrý den, Pasove! Ptejte se @Petra @everyone',
    });
    // The webhook the bot made for it, and no mention went out.
    expect(h.discord.webhooks(h.channel('partnerstadt', 'Passau')).map((w) => [w.name, w.id])).toEqual([
      ['Twinbridge relay', copy?.webhookId],
    ]);
    const executed = h.discord.requests({ method: 'POST', route: '/webhooks/:webhook_id/:webhook_token' });
    expect(executed.at(-1)?.body).toMatchObject({ allowed_mentions: { parse: [] } });

    // And the other way, through the webhook the bot makes in Krumlov's channel.
    await memberWrites(h, { ...max, content: 'Servus!' });
    expect(shown(h, 'partneri', 'Český Krumlov')).toEqual([
      'member Jana: Dobrý den, Pasove! Ptejte se <@' + petra + '> @everyone',
      'relay Max (Passau): Servus!',
    ]);
  });

  it('puts a reply to a copy into a thread on the original, and the thread’s messages into a thread on the copy', async () => {
    const original = await memberWrites(h, { ...jana, content: 'Kdo jede na slavnosti?' });
    const copy = copies()[0]?.id ?? '';
    await memberWrites(h, { ...max, content: 'Ich komme!', replyTo: copy });
    // Krumlov: the bot started a thread on Jana's message and Max's reply is in it.
    const krumlovThread = h.discord.messageView(original)?.threadId;
    expect(krumlovThread).toBe(original);
    expect(shown(h, krumlovThread ?? '')).toEqual(['relay Max (Passau): Ich komme!']);

    // Jana answers in that thread: in Passau it goes into a thread the bot starts on the copy.
    const inThread = await memberWrites(h, {
      ...jana,
      thread: krumlovThread ?? '',
      content: 'Super, těším se',
    });
    const passauThread = h.discord.messageView(copy)?.threadId;
    expect(passauThread).toBe(copy);
    expect(shown(h, passauThread ?? '')).toEqual(['relay Jana (Český Krumlov): Super, těším se']);

    // Edited and deleted in the thread: the copy in the other thread follows.
    await memberEdits(h, inThread, 'Super, těším se moc');
    expect(shown(h, passauThread ?? '')).toEqual(['relay Jana (Český Krumlov): Super, těším se moc']);
    await memberDeletes(h, inThread);
    expect(shown(h, passauThread ?? '')).toEqual([]);
  });

  it('edits and deletes the copy when the member edits and deletes the original', async () => {
    const original = await memberWrites(h, { ...jana, content: 'Sraz v 10:00' });
    await memberEdits(h, original, 'Sraz v 11:00');
    expect(copies()).toMatchObject([{ content: 'Sraz v 11:00', edited: true }]);
    await memberDeletes(h, original);
    expect(copies()).toEqual([]);
  });

  it('edits and deletes copies of messages the bot no longer has in its cache (written before a restart)', async () => {
    const original = await memberWrites(h, { ...jana, content: 'Před restartem' });
    const forget = () => {
      const partneri = h.adapter.discordClient.channels.cache.get(h.channel('partneri', 'Český Krumlov'));
      if (partneri?.isTextBased()) partneri.messages.cache.clear();
    };
    forget();
    await memberEdits(h, original, 'Před restartem, opraveno');
    expect(copies()).toMatchObject([{ content: 'Před restartem, opraveno', edited: true }]);
    forget();
    await memberDeletes(h, original);
    expect(copies()).toEqual([]);
  });

  it('does not relay the relay’s own copies or the bot’s posts (no loop)', async () => {
    // The copy in Passau comes back to the bot as a webhook's message.
    const echoed = nextEvent(h, 'messageCreate', (m) => m.webhookId !== null);
    await memberWrites(h, { ...jana, content: 'Jednou' });
    await echoed;
    await h.adapter.whenIdle();
    await h.drain();
    const botSaid = nextEvent(h, 'messageCreate', (m) => m.author.id === h.discord.botUser.id);
    await h.adapter.discordClient.rest.post(Routes.channelMessages(h.channel('partnerstadt', 'Passau')), {
      body: { content: 'Bot: ahoj' },
    });
    await botSaid;
    await h.adapter.whenIdle();
    await h.drain();
    expect(shown(h, 'partneri', 'Český Krumlov')).toEqual(['member Jana: Jednou']);
    expect(copies().map((m) => m.content)).toEqual(['Jednou']);
  });

  it('relays nothing from or to a channel that turned relaying off', async () => {
    await relay(h, 'max', 'off');
    await memberWrites(h, { ...jana, content: 'Je tu někdo?' });
    await memberWrites(h, { ...max, content: 'Niemand hört zu' });
    expect(copies()).toEqual([]);
    expect(shown(h, 'partneri', 'Český Krumlov')).toEqual(['member Jana: Je tu někdo?']);
  });
});
