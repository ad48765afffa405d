/**
 * One partnership across platforms, both adapters in one process as main() wires them: Český
 * Krumlov on Slack (the real Bolt app against the Slack emulator), Passau on Discord (the real
 * discord.js Client against the Discord emulator). Posts, cards and answers cross over.
 */
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.ts';
import type { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import { translate } from '../../src/core/i18n/translator.ts';
import type { Database } from '../../src/db/open-database.ts';
import { isEphemeral } from '../discord/discord-harness.ts';
import type { DiscordEmulator, SlashCommandInput } from '../emulators/discord/discord-emulator.ts';
import type { ResponsePost, SlackEmulator } from '../emulators/slack/slack-emulator.ts';
import { expectShownToChannel, inviteCodeIn } from '../support/set-up-checks.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { startSlackAndDiscord } from './slack-and-discord.ts';
import { answerText, unescaped } from './slack-harness.ts';

describe('a Slack town and a Discord town in one partnership', () => {
  let database: Database;
  let slack: SlackEmulator;
  let discord: DiscordEmulator;
  let eventsUrl: string;
  let discordAdapter: DiscordAdapter;
  let worker: DeliveryWorker;
  let partneri: string;
  let jana: string;
  let petra: string;
  let stop: () => Promise<void>;

  async function slackCommand(text: string, userId: string): Promise<ResponsePost> {
    const delivery = await slack
      .http(eventsUrl)
      .slashCommand({ command: '/twin', text, userId, channelId: partneri });
    const answer = await slack.waitForResponse(delivery.responseUrl ?? '');
    await worker.drainDue();
    return answer;
  }

  async function discordCommand(input: Omit<SlashCommandInput, 'guild' | 'channel'>): Promise<APIMessage[]> {
    const handle = discord.slashCommand({ guild: 'Passau', channel: 'partnerstadt', ...input });
    await handle.response();
    await discordAdapter.whenIdle();
    await worker.drainDue();
    const outcome = handle.outcome();
    return [...(outcome.original ? [outcome.original] : []), ...outcome.followUps];
  }

  const discordPosts = () =>
    discord
      .messages(discord.channelId('partnerstadt', 'Passau'))
      .filter((m) => m.author.id === discord.botUser.id && m.interaction_metadata === undefined);

  beforeAll(async () => {
    database = await createTestDatabase('embedded');
    ({ slack, discord, discordAdapter, worker, eventsUrl, stop } = await startSlackAndDiscord(database, {
      passau: {
        preferredLocale: 'de',
        roles: [{ name: 'Koordinatoren' }],
        channels: [{ name: 'general' }, { name: 'partnerstadt' }],
        members: [
          { username: 'max', globalName: 'Max', locale: 'de' },
          { username: 'lena', globalName: 'Lena', locale: 'de' },
        ],
      },
    }));
    partneri = slack.addChannel({ name: 'partneri' }).id;
    jana = slack.addUser({ name: 'jana', isAdmin: true }).id;
    petra = slack.addUser({ name: 'petra' }).id;

    const inChannel = (answer: ResponsePost, step: string) =>
      expectShownToChannel(answer.body['response_type'] === 'in_channel', answerText(answer), step);
    const shownToChannel = (answer: APIMessage[], step: string) =>
      expectShownToChannel(
        answer.length > 0 && !isEphemeral(answer[0]),
        answer.map((m) => m.content).join('\n'),
        step,
      );
    inChannel(
      await slackCommand(
        'town register name:"Český Krumlov" country:CZ timezone:Europe/Prague language:cs',
        jana,
      ),
      'town register (Slack)',
    );
    const invite = await slackCommand('partner invite name:"Krumlov – Passau" form:formal', jana);
    const code = inviteCodeIn(answerText(invite));
    // A coordinator's confirmation is ephemeral on Slack: the link itself says it succeeded.
    const link = await slackCommand('channel link partnership:1', jana);
    expectShownToChannel(
      (await database.prisma.channelLink.count({ where: { channelId: partneri } })) === 1,
      answerText(link),
      'channel link (Slack)',
    );
    shownToChannel(
      await discordCommand({
        user: 'max',
        name: 'town',
        subcommand: 'register',
        options: { name: 'Passau', country: 'DE', timezone: 'Europe/Berlin', language: 'de' },
      }),
      'town register (Discord)',
    );
    shownToChannel(
      await discordCommand({ user: 'max', name: 'partner', subcommand: 'join', options: { code } }),
      'partner join (Discord)',
    );
    await slackCommand(
      'event create partnership:1 title:"Letní tábor" kind:youth-exchange start:"2027-07-06 10:00" capacity:3',
      jana,
    );
  }, 60_000);

  afterAll(async () => {
    await stop();
    await database.close();
  });

  it('tells the Slack channel, in Czech, that the Discord town joined', () => {
    expect(slack.messages(partneri).map((m) => unescaped(m.text))).toContain(
      translate('cs', 'partner.joined-post', { town: 'Passau', country: 'DE', name: 'Krumlov – Passau' }),
    );
  });

  it('posts the exchange created on Slack as a card on both platforms', () => {
    expect(JSON.stringify(slack.messages(partneri).at(-1)?.blocks ?? [])).toContain('twin_rsvp:going:1');
    const discordCard = discordPosts().find((m) => m.embeds.length > 0);
    expect(discordCard?.content).toBe(translate('de', 'post.exchange.created', { host: 'Český Krumlov' }));
    expect(discordCard?.embeds[0]?.title).toBe('#1 Letní tábor');
  });

  it('counts answers from both platforms on the Slack card', async () => {
    const discordCard = discordPosts().find((m) => m.embeds.length > 0);
    if (!discordCard) throw new Error('no card on Discord');
    await discord
      .buttonClick({ message: discordCard, customId: 'twin:rsvp:going:1', user: 'max' })
      .response();
    await discordAdapter.whenIdle();

    const card = slack.messages(partneri).find((m) => JSON.stringify(m.blocks ?? []).includes('twin_rsvp'));
    // Max's answer on Discord redraws the card Krumlov sees on Slack.
    await slack.waitFor(
      () => (/Passau 1/.test(JSON.stringify(card?.blocks)) ? true : undefined),
      5000,
      'the Slack card to count Max',
    );
    const delivery = await slack.http(eventsUrl).blockAction({
      actionId: 'twin_rsvp:going:1',
      userId: petra,
      channelId: partneri,
      messageTs: card?.ts ?? '',
    });
    await slack.waitForResponse(delivery.responseUrl ?? '');
    const both = /Český Krumlov 1 · Passau 1|Passau 1 · Český Krumlov 1/;
    await slack.waitFor(
      () => (both.test(JSON.stringify(card?.blocks)) ? true : undefined),
      5000,
      'the card to count both answers',
    );
    const rsvps = await database.prisma.rsvp.findMany({ include: { town: true } });
    expect(rsvps.map((r) => r.town.name).sort()).toEqual(['Passau', 'Český Krumlov']);
  });

  it('sends an announcement from Slack to Discord in German', async () => {
    await slackCommand(
      'announce send partnership:1 text:"Photos are online" text-de:"Die Fotos sind online"',
      jana,
    );
    expect(discordPosts().map((m) => m.content)).toContain('Die Fotos sind online');
    expect(slack.messages(partneri).map((m) => m.text)).toContain('Photos are online');
  });

  it('writes members mentioned in Slack text as names on both platforms, and mass mentions ping nobody', async () => {
    await slackCommand(
      `announce send partnership:1 text:"Díky <@${petra}> a <@${jana}|jana>! <!here> <!channel> @everyone"`,
      jana,
    );
    const posted = discordPosts().find((m) => m.content.startsWith('Díky'));
    expect(posted?.content).toBe('Díky @petra a @jana! @here @channel @everyone');
    expect(posted?.mention_everyone).toBe(false);
    expect(posted?.mentions).toEqual([]);
    // On Slack as plain text: escaped, so no <@…> or <!here> token can form.
    expect(slack.messages(partneri).map((m) => m.text)).toContain(
      'Díky @petra a @jana! @here @channel @everyone',
    );
    const stored = await database.prisma.announcement.findFirstOrThrow({
      where: { text: { startsWith: 'Díky' } },
    });
    expect(stored.text).not.toContain('<@');
  });

  it('writes Discord mentions typed in an announcement as names on Slack, mentioning nobody', async () => {
    const [max, lena] = [discord.userId('max'), discord.userId('lena')];
    const channel = discord.channelId('partnerstadt', 'Passau');
    const role = discord.roleId('Koordinatoren', 'Passau');
    const everyone = discord.guildId('Passau');
    await discordCommand({
      user: 'max',
      name: 'announce',
      subcommand: 'send',
      options: {
        partnership: 1,
        text: `Siehe <@${max}> und <@!${lena}> in <#${channel}>, fragt <@&${role}>, nicht <@123456789012345678> (<@&${everyone}>)`,
      },
    });
    // Max writes in German: a member Discord did not name is "unknown" in German.
    const expected = `Siehe @Max und @Lena in #partnerstadt, fragt @Koordinatoren, nicht ${translate('de', 'mention.unknown-user')} (@everyone)`;
    expect(slack.messages(partneri).map((m) => unescaped(m.text))).toContain(expected);
    const posted = discordPosts().find((m) => m.content.startsWith('Siehe'));
    expect(posted?.content).toBe(expected);
    expect(posted?.mention_everyone).toBe(false);
    expect(posted?.mentions).toEqual([]);
    expect(posted?.mention_roles).toEqual([]);
  });

  it('writes Slack channels mentioned without a name, and unknown members, as names on Discord', async () => {
    await slackCommand(
      `announce send partnership:1 text:"Schaut in <#${partneri}> und <#C0NOWHERE|>, fragt <@U0NOBODY>"`,
      jana,
    );
    // Slack did not tell jana's language: the stand-ins are in English.
    const expected = `Schaut in #partneri und ${translate('en', 'mention.unknown-channel')}, fragt ${translate('en', 'mention.unknown-user')}`;
    expect(discordPosts().map((m) => m.content)).toContain(expected);
    expect(slack.messages(partneri).map((m) => unescaped(m.text))).toContain(expected);
  });
});
