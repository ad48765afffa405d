/**
 * Interactions → the InboundPort. What it receives:
 * - slash commands (`/event create …`, generated from commands/ by command-json.ts) run as
 *   structured requests with the interaction's locale;
 * - autocomplete asks for the member's own partnerships, exchanges and announcements, and for
 *   time zones and countries (named in the member's Discord language);
 * - Going / Maybe / Not going on an exchange card (rsvp-buttons.ts);
 * - components and forms this version does not make, and context-menu commands of an older
 *   registration, get a polite answer.
 *
 * Answers within Discord's 3 s: an answer ready within `deferAfterMs` (1.5 s) is sent as the
 * reply itself, visible as the core says (private answers and every refusal are ephemeral).
 * Slower work is deferred at that moment (ephemerally, as it might turn out to be a refusal) and
 * the answer edited in when ready; a public answer then follows as a public follow-up. Commands
 * take tens of milliseconds, so the deferral is the exception under load, not a round trip on
 * every command. Anything unexpected still gets an ephemeral "something went wrong (ref …)",
 * never Discord's "The application did not respond".
 */
import { newErrorReference } from '../../core/error-reference.ts';
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { commands } from '../../../commands/index.ts';
import type { InboundPort } from '../../core/adapter-contract.ts';
import { DeferTimer, realDeadlineTimer, within, type DeadlineTimer } from '../../core/async/deadline.ts';
import type { AutocompleteSource, CommandDefinition } from '../../core/commands/definition.ts';
import type { RelayReadingGap, Reply } from '../../core/commands/invocation.ts';
import { resolveLanguage } from '../../core/i18n/languages.ts';
import { translate } from '../../core/i18n/translator.ts';
import type { Logger } from '../../core/ports.ts';
import { truncate } from '../shared/message-text.ts';
import { discordErrorCode } from './discord-errors.ts';
import { renderReply, type DiscordMessageBody } from './discord-messages.ts';
import { discordText } from './discord-texts.ts';
import { commandOptions, commandPath, commandRequestName } from './interaction-input.ts';
import { interactionPlace, type InteractionPlace } from './interaction-place.ts';
import { withPlainMentions } from './plain-mentions.ts';
import { RsvpButtons } from './rsvp-buttons.ts';

/** Knobs for tests; production uses the defaults. */
export interface DiscordRouterTuning {
  /** Answer at once when the work is done within this; defer first otherwise. Default 1500 ms. */
  deferAfterMs?: number;
  /** The timer deferrals and the autocomplete budget run on (tests drive it). */
  timer?: DeadlineTimer;
  /** DISCORD_ALLOWED_GUILDS: interactions from other servers are refused. Default: every server. */
  allowedGuilds?: readonly string[] | undefined;
  /**
   * DISCORD_MESSAGE_CONTENT=on (the config): members' messages are relayed. Default off, and
   * `channel relay … on` then says what the operator must enable.
   */
  messageContent?: boolean;
}

/** What `channel relay` is told without the Message Content intent. */
const WITHOUT_MESSAGE_CONTENT: RelayReadingGap = { kind: 'discord-message-content' };

const DEFAULT_DEFER_AFTER_MS = 1500;
/** Discord closes an autocomplete after 3 s; suggestions not found by then are not offered. */
const AUTOCOMPLETE_BUDGET_MS = 2500;
// developers/interactions/application-commands#autocomplete: at most 25 choices, names 1-100.
const CHOICES_MAX = 25;
const CHOICE_NAME_MAX = 100;

/** What to show for a command's answer. */
interface Presentation {
  ephemeral: boolean;
  messages: DiscordMessageBody[];
}

export class DiscordInteractionRouter {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly deferAfterMs: number;
  private readonly timer: DeadlineTimer;
  private readonly rsvpButtons: RsvpButtons;
  private readonly allowedGuilds: ReadonlySet<string> | undefined;
  private readonly messageContent: boolean;

  constructor(
    private readonly inbound: InboundPort,
    private readonly logger: Logger,
    tuning: DiscordRouterTuning = {},
  ) {
    this.deferAfterMs = tuning.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
    this.timer = tuning.timer ?? realDeadlineTimer;
    this.rsvpButtons = new RsvpButtons(inbound, this.deferAfterMs, this.timer);
    this.allowedGuilds = tuning.allowedGuilds ? new Set(tuning.allowedGuilds) : undefined;
    this.messageContent = tuning.messageContent === true;
  }

  /** False for a server the operator did not list in DISCORD_ALLOWED_GUILDS. */
  private allowed(guildId: string | null): boolean {
    return !this.allowedGuilds || (guildId !== null && this.allowedGuilds.has(guildId));
  }

  /** Takes an interaction from the connection; whenIdle() waits for its answer. */
  receive(interaction: Interaction): void {
    const work = this.route(interaction);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** Resolves once every interaction received so far has been answered (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async route(interaction: Interaction): Promise<void> {
    try {
      await this.dispatch(interaction);
    } catch (error) {
      await this.apologize(interaction, error);
    }
  }

  private async dispatch(interaction: Interaction): Promise<void> {
    if (interaction.guildId !== null && !this.allowed(interaction.guildId)) {
      return this.notAllowed(interaction);
    }
    if (interaction.isAutocomplete()) return this.onAutocomplete(interaction);
    if (!interaction.isRepliable()) return;
    // Twinbridge makes buttons and slash commands; select menus and forms are from elsewhere.
    const made = interaction.isButton() || interaction.isCommand();
    if (!made) return this.onUnknownComponent(interaction);
    const place = interactionPlace(interaction);
    if (!place) return this.notInServer(interaction);
    if (interaction.isChatInputCommand()) return this.onCommand(interaction, place);
    if (interaction.isButton()) return this.rsvpButtons.onClick(interaction, place);
    // A context-menu command from an old registration: the core says it does not know it.
    if (interaction.isCommand()) return this.onUnknownCommand(interaction, place);
  }

  /** The last resort: log under a reference and tell the person, so nothing fails silently. */
  private async apologize(interaction: Interaction, error: unknown): Promise<void> {
    const ref = newErrorReference();
    this.logger.error(
      {
        err: error,
        ref,
        code: discordErrorCode(error),
        interaction: interaction.id,
        type: interaction.type,
        user: interaction.user.id,
      },
      'Discord interaction failed',
    );
    if (!interaction.isRepliable()) return;
    const content = translate(resolveLanguage(interaction.locale), 'error.unexpected', { ref });
    try {
      if (interaction.replied || interaction.deferred) {
        await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
      } else {
        await interaction.reply({ content, flags: MessageFlags.Ephemeral });
      }
    } catch (second) {
      // Most likely the interaction expired (10062): nothing more can be said to the person.
      this.logger.warn({ err: second, ref }, 'Discord: could not tell the person about the failure');
    }
  }

  /** Components and forms this version does not make (a message from an older release). */
  private async onUnknownComponent(interaction: RepliableInteraction): Promise<void> {
    await interaction.reply({
      content: discordText(resolveLanguage(interaction.locale), 'button.unknown'),
      flags: MessageFlags.Ephemeral,
    });
  }

  /** A server the operator did not allow: a short refusal, and nothing reaches the core. */
  private async notAllowed(interaction: Interaction): Promise<void> {
    this.logger.warn({ guild: interaction.guildId }, 'Discord: interaction from a server not allowed');
    if (interaction.isAutocomplete()) return interaction.respond([]);
    if (!interaction.isRepliable()) return;
    await interaction.reply({
      content: translate(resolveLanguage(interaction.locale), 'access.community-not-allowed'),
      flags: MessageFlags.Ephemeral,
    });
  }

  private async notInServer(interaction: RepliableInteraction): Promise<void> {
    await interaction.reply({
      content: discordText(resolveLanguage(interaction.locale), 'dm.not-supported'),
      flags: MessageFlags.Ephemeral,
    });
  }

  private async onUnknownCommand(
    interaction: RepliableInteraction & { commandName: string },
    place: InteractionPlace,
  ): Promise<void> {
    const reply = await this.inbound.runCommand({ command: interaction.commandName, options: {}, ...place });
    await interaction.reply({ ...renderReply(reply, { withCard: false })[0], flags: MessageFlags.Ephemeral });
  }

  private async onCommand(interaction: ChatInputCommandInteraction, place: InteractionPlace): Promise<void> {
    const path = commandPath(
      interaction.commandName,
      interaction.options.getSubcommandGroup(false),
      interaction.options.getSubcommand(false),
    );
    const unreadable = !this.messageContent && path.join(' ') === 'channel relay';
    const channel = unreadable
      ? { ...place.channel, relayReadingGap: WITHOUT_MESSAGE_CONTENT }
      : place.channel;
    const started = performance.now();
    const defer = new DeferTimer(
      this.deferAfterMs,
      () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
      this.timer,
    );
    let reply: Reply;
    try {
      reply = await this.inbound.runCommand({
        command: commandRequestName(path),
        // Mentions in typed text become names here, before anything is stored or posted.
        options: withPlainMentions(commandOptions(interaction.options.data), interaction),
        ...place,
        channel,
      });
    } finally {
      await defer.settle().catch(() => undefined);
    }
    this.logger.debug(
      {
        command: path.join(' '),
        guild: place.actor.communityExternalId,
        user: place.actor.userId,
        ms: Math.round(performance.now() - started),
        deferred: interaction.deferred,
        error: reply.error?.key,
      },
      'Discord command handled',
    );
    await this.answer(interaction, present(reply));
  }

  /** Sends a command's answer: the reply (or the deferred reply's edit), then follow-ups. */
  private async answer(interaction: ChatInputCommandInteraction, shown: Presentation): Promise<void> {
    const [first, ...rest] = shown.messages;
    if (!first) return;
    const flags = shown.ephemeral ? ({ flags: MessageFlags.Ephemeral } as const) : {};
    if (!interaction.deferred) {
      await interaction.reply({ ...first, ...flags });
    } else {
      // The deferral was ephemeral: the answer goes there, and a public answer also to the channel.
      await interaction.editReply(first);
      if (!shown.ephemeral) await interaction.followUp(first);
    }
    for (const message of rest) await interaction.followUp({ ...message, ...flags });
  }

  private async onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const option = autocompletedOption(interaction, focused.name);
    if (!option || !interaction.guildId) {
      await interaction.respond([]);
      return;
    }
    const { source, integer } = option;
    const lookup = this.inbound
      .suggest(
        { platform: 'DISCORD', communityExternalId: interaction.guildId },
        source,
        String(focused.value),
        interaction.locale,
      )
      .catch((error: unknown) => {
        this.logger.warn({ err: error, source }, 'Discord autocomplete lookup failed');
        return [];
      });
    const suggestions = (await within(lookup, AUTOCOMPLETE_BUDGET_MS, this.timer)) ?? [];
    await interaction.respond(
      suggestions.slice(0, CHOICES_MAX).map((s) => ({
        name: truncate(s.label, CHOICE_NAME_MAX),
        value: integer ? Number(s.value) : String(s.value),
      })),
    );
  }
}

/** How an answer shows: private answers and refusals are ephemeral, the rest go to the channel. */
function present(reply: Reply): Presentation {
  return {
    ephemeral: reply.private || reply.error !== undefined,
    messages: renderReply(reply, { withCard: true }),
  };
}

/** Where the suggestions for the option being typed come from, if the definition offers any. */
function autocompletedOption(
  interaction: AutocompleteInteraction,
  optionName: string,
): { source: AutocompleteSource; integer: boolean } | undefined {
  const path = commandPath(
    interaction.commandName,
    interaction.options.getSubcommandGroup(false),
    interaction.options.getSubcommand(false),
  );
  const id = path.join('.');
  const definition: CommandDefinition | undefined = Object.hasOwn(commands, id)
    ? commands[id as keyof typeof commands]
    : undefined;
  const spec = definition?.options[optionName];
  if (!spec || (spec.type !== 'integer' && spec.type !== 'string') || !spec.autocomplete) return undefined;
  return { source: spec.autocomplete, integer: spec.type === 'integer' };
}
