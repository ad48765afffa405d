// The Discord emulator's interactions under the real discord.js Client: commands, deferrals, autocomplete, buttons, modals, DMs, deadlines.

import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChatInputCommandInteraction,
  InteractionResponseType,
  MessageFlags,
  ModalBuilder,
  Partials,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { describe, expect, it } from 'vitest';

import { nextInteraction, twin, useDiscordEmulator } from './discord-emulator-fixture.ts';

const emulator = useDiscordEmulator();

describe('interactions', () => {
  it('delivers a slash command with its subcommand and typed options, and records the reply', async () => {
    const client = await emulator.start();
    await client.application?.commands.set([twin.toJSON()], emulator.discord.guildId());
    expect(
      emulator.discord.requestCount({
        method: 'PUT',
        route: '/applications/:application_id/guilds/:guild_id/commands',
      }),
    ).toBe(1);
    expect(emulator.discord.commands(emulator.discord.guildId()).map((c) => c.name)).toEqual(['twin']);

    const got = nextInteraction(client);
    const run = emulator.discord.slashCommand({
      name: 'twin',
      subcommand: 'join',
      options: { town: 'Lyon', guests: 3 },
      user: 'bruno',
    });
    const interaction = await got;
    expect(interaction).toBeInstanceOf(ChatInputCommandInteraction);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandName).toBe('twin');
    expect(interaction.options.getSubcommand()).toBe('join');
    expect(interaction.options.getString('town')).toBe('Lyon');
    expect(interaction.options.getInteger('guests')).toBe(3);
    expect(interaction.locale).toBe('fr');
    expect(interaction.guildLocale).toBe('en-US');
    expect(interaction.user.username).toBe('bruno');
    expect(interaction.guildId).toBe(emulator.discord.guildId());
    expect(interaction.channelId).toBe(emulator.discord.channelId('general'));
    expect(interaction.commandId).toBe(emulator.discord.commands(emulator.discord.guildId())[0]?.id);

    await interaction.reply({ content: 'Welcome aboard', flags: MessageFlags.Ephemeral });
    const callback = await run.response();
    expect(callback).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'Welcome aboard', flags: MessageFlags.Ephemeral },
      withinDeadline: true,
    });
    expect(callback.message?.flags).toBe(MessageFlags.Ephemeral);
    expect(emulator.discord.messages('general')).toEqual([]); // ephemeral: not visible in the channel
    expect(emulator.discord.messages('general', { includeEphemeral: true })).toHaveLength(1);
  });

  it('records deferReply, editReply and followUp', async () => {
    const client = await emulator.start();
    const got = nextInteraction(client);
    const run = emulator.discord.slashCommand({ name: 'report' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    expect((await run.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(run.outcome().original?.flags).toBe(MessageFlags.Loading);

    const edited = await interaction.editReply('Report ready');
    const followUp = await interaction.followUp({ content: 'One more thing', flags: MessageFlags.Ephemeral });
    expect(edited.content).toBe('Report ready');
    expect((await run.edit(0)).message).toMatchObject({ content: 'Report ready', flags: 0 });
    expect(await run.followUp(0)).toMatchObject({ id: followUp.id, content: 'One more thing' });
    expect(run.outcome().original?.content).toBe('Report ready');
    expect(emulator.discord.messages('general').map((m) => m.content)).toEqual(['Report ready']);
  });

  it('answers autocomplete with choices', async () => {
    const client = await emulator.start();
    await client.application?.commands.set([twin.toJSON()]);
    const got = nextInteraction(client);
    const run = emulator.discord.autocomplete({
      name: 'twin',
      subcommand: 'join',
      options: { town: 'Ly' },
      focused: 'town',
    });
    const interaction = await got;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getSubcommand()).toBe('join');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'town', value: 'Ly' });
    await interaction.respond([{ name: 'Lyon', value: 'lyon' }]);
    expect(await run.response()).toMatchObject({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Lyon', value: 'lyon' }] },
    });
  });

  it('delivers a button click on a bot message and records interaction.update', async () => {
    const client = await emulator.start();
    const posted = await emulator.general(client).send({
      content: 'Meetup on Friday?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('rsvp:yes').setLabel('Yes').setStyle(ButtonStyle.Success),
        ),
      ],
    });
    const got = nextInteraction(client);
    const run = emulator.discord.buttonClick({ message: posted.id, customId: 'rsvp:yes', user: 'alice' });
    const interaction = await got;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('rsvp:yes');
    expect(interaction.message.id).toBe(posted.id);
    await interaction.update({ content: 'Meetup on Friday? Alice is in', components: [] });
    expect((await run.response()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(emulator.discord.message(posted.id)).toMatchObject({
      content: 'Meetup on Friday? Alice is in',
      components: [],
    });
  });

  it('opens a modal and receives its submission', async () => {
    const client = await emulator.start();
    const got = nextInteraction(client);
    const run = emulator.discord.slashCommand({ name: 'propose' });
    const command = await got;
    if (!command.isChatInputCommand()) throw new Error('expected a chat input command');
    await command.showModal(
      new ModalBuilder()
        .setCustomId('proposal')
        .setTitle('Propose an exchange')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder().setCustomId('title').setLabel('Title').setStyle(TextInputStyle.Short),
          ),
        ),
    );
    expect((await run.response()).type).toBe(InteractionResponseType.Modal);

    const submitted = nextInteraction(client);
    const submit = emulator.discord.submitModal(run, { title: 'Choir visit' });
    const modal = await submitted;
    if (!modal.isModalSubmit()) throw new Error('expected a modal submit');
    expect(modal.fields.getTextInputValue('title')).toBe('Choir visit');
    await modal.reply('Proposed');
    expect((await submit.response()).data).toMatchObject({ content: 'Proposed' });
  });

  it('delivers a command from a DM with user instead of member', async () => {
    // Without Partials.Channel discord.js does not cache DM channels: interaction.channel is null.
    const client = await emulator.start({}, { partials: [Partials.Channel] });
    const got = nextInteraction(client);
    const run = emulator.discord.slashCommand({
      name: 'twin',
      subcommand: 'status',
      guild: null,
      user: 'alice',
      locale: 'de',
    });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.inGuild()).toBe(false);
    expect(interaction.member).toBeNull();
    expect(interaction.user.username).toBe('alice');
    expect(interaction.locale).toBe('de');
    expect(interaction.channelId).toBe(emulator.discord.dmChannelId('alice'));
    expect(interaction.channel?.isDMBased()).toBe(true);
    expect(interaction.options.getSubcommand()).toBe('status');
    await interaction.reply('Nothing planned yet');
    await run.response();
    expect(emulator.discord.messages(emulator.discord.dmChannelId('alice')).map((m) => m.content)).toEqual([
      'Nothing planned yet',
    ]);
  });

  it('answers with_response with the interaction callback object', async () => {
    const client = await emulator.start();
    const got = nextInteraction(client);
    emulator.discord.slashCommand({ name: 'ping' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const response = await interaction.reply({ content: 'pong', withResponse: true });
    expect(response.interaction.id).toBe(interaction.id);
    expect(response.resource?.message?.content).toBe('pong');
  });

  it('refuses follow-ups once the interaction token has expired', async () => {
    const client = await emulator.start();
    const got = nextInteraction(client);
    const run = emulator.discord.slashCommand({ name: 'ping' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    run.expireToken();
    await expect(interaction.editReply('too late')).rejects.toMatchObject({ code: 50027, status: 401 });
  });

  it('rejects a response after the deadline with Unknown interaction', async () => {
    const client = await emulator.start({ interactionDeadlineMs: 100 });
    const got = nextInteraction(client);
    const run = emulator.discord.slashCommand({ name: 'slow' });
    const interaction = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await run.until((o) => o.expired, 'expiry');
    await expect(interaction.reply('too late')).rejects.toMatchObject({ code: 10062, status: 404 });
  });
});
