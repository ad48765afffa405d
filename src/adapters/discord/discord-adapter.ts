/**
 * The Discord adapter: a discord.js 14 Client on the gateway with the Guilds intent only
 * (interactions arrive without any message intent; guild and channel names come from the guild
 * cache that intent fills). Each Discord server is a community; its town is registered from it.
 *
 * What it receives:
 * - slash commands (`/event create …`, generated from commands/ by command-json.ts) go to the
 *   CommandBus as structured requests with the interaction's locale;
 * - autocomplete asks CoreQueries.suggest for the member's own partnerships, exchanges and
 *   announcements, and for time zones and countries (named in the member's Discord language);
 * - Going / Maybe / Not going on an exchange card run `rsvp`, redraw the card in place (as the
 *   channel sees it: CoreQueries.channelCard) and tell the clicker privately what happened.
 *
 * Answers within Discord's 3 s: an answer ready within `deferAfterMs` (1.5 s) is sent as the
 * reply itself, visible as the core says (private answers and every refusal are ephemeral).
 * Slower work is deferred at that moment (ephemerally, as it might turn out to be a refusal) and
 * the answer edited in when ready; a public answer then follows as a public follow-up. Commands
 * take tens of milliseconds, so the deferral is the exception under load, not a round trip on
 * every command. Anything unexpected still gets an ephemeral "something went wrong (ref …)",
 * never Discord's "The application did not respond".
 *
 * For the outbox it posts through DiscordPoster (nonce + enforce_nonce, error mapping).
 */
import { randomBytes } from 'node:crypto';
import {
  Client,
  Events,
  GatewayIntentBits,
  GuildMember,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { commands } from '../../../commands/index.ts';
import type { InboundPort, PlatformAdapter } from '../../core/adapter-contract.ts';
import type { CommandDefinition } from '../../core/commands/definition.ts';
import type { Actor, ChannelRef, Reply } from '../../core/commands/invocation.ts';
import { resolveLanguage } from '../../core/i18n/languages.ts';
import { translate } from '../../core/i18n/translator.ts';
import type {
  ChannelTarget,
  DirectTarget,
  Logger,
  OutgoingMessage,
  ChannelPoster,
  PostResult,
} from '../../core/ports.ts';
import type { ExchangeCard } from '../../core/views/exchange-card.ts';
import type { DiscordConfig } from '../../config.ts';
import { discordErrorCode } from './discord-errors.ts';
import {
  cardMessage,
  headlineOf,
  parseRsvpCustomId,
  renderReply,
  truncate,
  type DiscordMessageBody,
} from './discord-messages.ts';
import {
  DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS,
  discordRestOptions,
  DiscordPoster,
} from './discord-poster.ts';
import { discordText } from './discord-texts.ts';
import { commandOptions, commandPath, commandRequestName } from './interaction-input.ts';

export interface DiscordAdapterDependencies {
  config: DiscordConfig;
  inbound: InboundPort;
  logger: Logger;
}

/** Knobs for tests and unusual deployments; production uses the defaults. */
export interface DiscordAdapterTuning {
  /** Answer at once when the work is done within this; defer first otherwise. Default 1500 ms. */
  deferAfterMs?: number;
  /**
   * Longest rate-limit wait a post sits out in place (discord.js's queue). A longer one goes back
   * to the outbox with Discord's retry_after, so a claim is not held while waiting. Default 3000 ms.
   */
  maxInlineRateLimitWaitMs?: number;
  /** How long start() waits for the gateway's READY. Default 30 s. */
  readyTimeoutMs?: number;
  /** How long stop() lets answers under way finish. Default 5 s. */
  stopGraceMs?: number;
  /** Extra discord.js client options (tests: a faster identify throttler). */
  clientOptions?: Partial<ClientOptions>;
}

/** Where an interaction happened, as the core names it. */
interface Place {
  actor: Actor;
  channel: ChannelRef;
  locale: string;
}

/**
 * What the bot needs in a linked channel: to see it, post in it (in a thread: post in threads) and
 * show exchange cards as embeds. Buttons, answers to commands and direct messages need nothing.
 */
const POSTING_PERMISSIONS = [
  ['ViewChannel', 'View Channel'],
  ['SendMessages', 'Send Messages'],
  ['EmbedLinks', 'Embed Links'],
] as const;
const THREAD_POSTING_PERMISSIONS = [
  ['ViewChannel', 'View Channel'],
  ['SendMessagesInThreads', 'Send Messages in Threads'],
  ['EmbedLinks', 'Embed Links'],
] as const;

/** `{ postingBlocked }` naming the permissions the bot lacks in the interaction's channel, if any. */
function postingBlocked(interaction: RepliableInteraction | AutocompleteInteraction): {
  postingBlocked?: string;
} {
  const granted = interaction.appPermissions;
  const needed = interaction.channel?.isThread() ? THREAD_POSTING_PERMISSIONS : POSTING_PERMISSIONS;
  // Permission names as Discord's server settings show them (in English).
  const missing = needed
    .filter(([flag]) => !granted.has(PermissionFlagsBits[flag], true))
    .map(([, name]) => name);
  return missing.length === 0 ? {} : { postingBlocked: `missing permissions ${missing.join(', ')}` };
}

/** What to show for a command's answer. */
interface Presentation {
  ephemeral: boolean;
  messages: DiscordMessageBody[];
}

const NO_MENTIONS = { parse: [] };
const AUTOCOMPLETE_BUDGET_MS = 2500;

/** Resolves with the value, or undefined once `ms` passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Defers an interaction if the answer is not ready in time. `settle()` stops the timer and says
 * whether the interaction was deferred (once the deferral itself has gone through).
 */
class DeferTimer {
  private deferring: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(ms: number, defer: () => Promise<unknown>) {
    this.timer = setTimeout(() => {
      this.deferring = defer().then(() => undefined);
      // Awaited in settle(); this keeps a failure from being an unhandled rejection meanwhile.
      this.deferring.catch(() => undefined);
    }, ms);
  }

  async settle(): Promise<boolean> {
    clearTimeout(this.timer);
    if (!this.deferring) return false;
    await this.deferring;
    return true;
  }
}

export class DiscordAdapter implements ChannelPoster, PlatformAdapter {
  /** This adapter posts itself until its poster is split out. */
  get poster(): ChannelPoster {
    return this;
  }

  readonly platform = 'DISCORD' as const;

  private client: Client | undefined;
  private connectedPoster: DiscordPoster | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Card redraws per message run one after another, so the last one shows the latest answers. */
  private readonly cardQueues = new Map<string, Promise<void>>();
  private readonly deferAfterMs: number;

  constructor(
    private readonly deps: DiscordAdapterDependencies,
    private readonly tuning: DiscordAdapterTuning = {},
  ) {
    this.deferAfterMs = tuning.deferAfterMs ?? 1500;
  }

  /** The running client (tests read its cache and gateway state). */
  get discordClient(): Client | undefined {
    return this.client;
  }

  async start(): Promise<void> {
    const { config, logger } = this.deps;
    const maxInlineWait = this.tuning.maxInlineRateLimitWaitMs ?? DEFAULT_MAX_INLINE_RATE_LIMIT_WAIT_MS;
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      // Without it discord.js drops DM channels it has not cached.
      partials: [Partials.Channel],
      allowedMentions: NO_MENTIONS,
      ...this.tuning.clientOptions,
      rest: {
        ...discordRestOptions({ apiUrl: config.apiUrl, maxInlineRateLimitWaitMs: maxInlineWait }),
        ...this.tuning.clientOptions?.rest,
      },
    });
    client.on(Events.InteractionCreate, (interaction) => {
      this.track(this.onInteraction(interaction));
    });
    client.on(Events.Error, (error) => logger.error({ err: error }, 'Discord client error'));
    client.on(Events.Warn, (message) => logger.warn({ component: 'discord' }, message));
    client.on(Events.ShardDisconnect, (event, shard) =>
      logger.warn({ shard, code: event.code }, 'Discord gateway disconnected'),
    );
    client.on(Events.ShardResume, (shard, replayed) =>
      logger.info({ shard, replayed }, 'Discord gateway resumed'),
    );
    client.rest.on('rateLimited', (data) =>
      logger.debug(
        { route: data.route, retryAfter: data.retryAfter, scope: data.scope, global: data.global },
        'Discord rate limit',
      ),
    );

    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('Discord: no READY from the gateway in time')),
        this.tuning.readyTimeoutMs ?? 30_000,
      );
      client.once(Events.ClientReady, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    try {
      await client.login(config.token);
      await ready;
    } catch (error) {
      await client.destroy().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.connectedPoster = new DiscordPoster(client.rest, logger);
    logger.info(
      { user: client.user?.tag, application: client.application?.id, servers: client.guilds.cache.size },
      'Discord: connected to the gateway',
    );
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.removeAllListeners(Events.InteractionCreate);
    // Answers under way need the REST client: let them finish before it goes.
    await within(this.whenIdle(), this.tuning.stopGraceMs ?? 5000);
    await client.destroy();
    this.connectedPoster = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Posting for the outbox

  post(target: ChannelTarget, message: OutgoingMessage, idempotencyKey: string): Promise<PostResult> {
    return this.requirePoster().post(target, message, idempotencyKey);
  }

  sendDirect(target: DirectTarget, message: OutgoingMessage, idempotencyKey: string): Promise<PostResult> {
    return this.requirePoster().sendDirect(target, message, idempotencyKey);
  }

  edit(target: ChannelTarget, platformMessageId: string, message: OutgoingMessage): Promise<PostResult> {
    return this.requirePoster().edit(target, platformMessageId, message);
  }

  private requirePoster(): DiscordPoster {
    if (!this.connectedPoster) throw new Error('the Discord adapter is not running');
    return this.connectedPoster;
  }

  // ---------------------------------------------------------------------------------------------
  // Receiving

  /** Resolves once every interaction received so far has been answered (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await this.onCommand(interaction);
      else if (interaction.isAutocomplete()) await this.onAutocomplete(interaction);
      else if (interaction.isButton()) await this.onButton(interaction);
      else if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
        // Components and forms this version does not make (a message from an older release).
        await interaction.reply({
          content: discordText(resolveLanguage(interaction.locale), 'button.unknown'),
          flags: MessageFlags.Ephemeral,
        });
      } else if (interaction.isCommand()) {
        // A context-menu command from an old registration: the core says it does not know it.
        await this.onUnknownCommand(interaction);
      }
    } catch (error) {
      await this.apologize(interaction, error);
    }
  }

  /** The last resort: log under a reference and tell the person, so nothing fails silently. */
  private async apologize(interaction: Interaction, error: unknown): Promise<void> {
    const ref = randomBytes(4).toString('hex');
    const code = discordErrorCode(error);
    this.deps.logger.error(
      {
        err: error,
        ref,
        code,
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
      this.deps.logger.warn({ err: second, ref }, 'Discord: could not tell the person about the failure');
    }
  }

  /** Where an interaction happened; null outside a server (commands are registered for servers). */
  private place(interaction: RepliableInteraction | AutocompleteInteraction): Place | null {
    const channelId = interaction.channelId;
    if (!interaction.inGuild() || !channelId) return null;
    const member = interaction.member;
    const displayName =
      member instanceof GuildMember
        ? member.displayName
        : (member.nick ?? interaction.user.globalName ?? interaction.user.username);
    const channel = interaction.channel;
    const channelName = channel && 'name' in channel && channel.name ? channel.name : channelId;
    return {
      actor: {
        platform: 'DISCORD',
        communityExternalId: interaction.guildId,
        communityName: interaction.guild?.name ?? interaction.guildId,
        userId: interaction.user.id,
        displayName,
      },
      channel: { id: channelId, name: channelName, ...postingBlocked(interaction) },
      locale: interaction.locale,
    };
  }

  private async notInServer(interaction: RepliableInteraction): Promise<void> {
    await interaction.reply({
      content: discordText(resolveLanguage(interaction.locale), 'dm.not-supported'),
      flags: MessageFlags.Ephemeral,
    });
  }

  private async onUnknownCommand(interaction: RepliableInteraction & { commandName: string }): Promise<void> {
    const place = this.place(interaction);
    if (!place) return this.notInServer(interaction);
    const reply = await this.deps.inbound.runCommand({
      command: interaction.commandName,
      options: {},
      actor: place.actor,
      channel: place.channel,
      locale: place.locale,
    });
    await interaction.reply({ ...renderReply(reply, { withCard: false })[0], flags: MessageFlags.Ephemeral });
  }

  private async onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const place = this.place(interaction);
    if (!place) return this.notInServer(interaction);
    const path = commandPath(
      interaction.commandName,
      interaction.options.getSubcommandGroup(false),
      interaction.options.getSubcommand(false),
    );
    const started = performance.now();
    const defer = new DeferTimer(this.deferAfterMs, () =>
      interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    );
    let shown: Presentation;
    let reply: Reply;
    try {
      reply = await this.deps.inbound.runCommand({
        command: commandRequestName(path),
        options: commandOptions(interaction.options.data),
        actor: place.actor,
        channel: place.channel,
        locale: place.locale,
      });
      shown = this.present(reply);
    } finally {
      await defer.settle().catch(() => undefined);
    }
    const deferred = interaction.deferred;
    this.deps.logger.debug(
      {
        command: path.join(' '),
        guild: place.actor.communityExternalId,
        user: place.actor.userId,
        ms: Math.round(performance.now() - started),
        deferred,
        error: reply.error?.key,
      },
      'Discord command handled',
    );
    const [first, ...rest] = shown.messages;
    if (!first) return;
    const flags = shown.ephemeral ? MessageFlags.Ephemeral : undefined;
    if (!deferred) {
      await interaction.reply({ ...first, ...(flags ? { flags } : {}) });
    } else {
      // The deferral was ephemeral: the answer goes there, and a public answer also to the channel.
      await interaction.editReply(first);
      if (!shown.ephemeral) await interaction.followUp(first);
    }
    for (const message of rest) await interaction.followUp({ ...message, ...(flags ? { flags } : {}) });
  }

  /** How an answer shows: private answers and refusals are ephemeral, the rest go to the channel. */
  private present(reply: Reply): Presentation {
    return {
      ephemeral: reply.private || reply.error !== undefined,
      messages: renderReply(reply, { withCard: true }),
    };
  }

  private async onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const path = commandPath(
      interaction.commandName,
      interaction.options.getSubcommandGroup(false),
      interaction.options.getSubcommand(false),
    );
    const id = path.join('.');
    const definition: CommandDefinition | undefined = Object.hasOwn(commands, id)
      ? commands[id as keyof typeof commands]
      : undefined;
    const spec = definition?.options[focused.name];
    const source =
      spec && (spec.type === 'integer' || spec.type === 'string') ? spec.autocomplete : undefined;
    if (!source || !interaction.guildId) {
      await interaction.respond([]);
      return;
    }
    const typed = String(focused.value);
    const lookup = this.deps.inbound
      .suggest(
        { platform: 'DISCORD', communityExternalId: interaction.guildId },
        source,
        typed,
        interaction.locale,
      )
      .catch((error: unknown) => {
        this.deps.logger.warn({ err: error, source }, 'Discord autocomplete lookup failed');
        return [];
      });
    const suggestions = (await within(lookup, AUTOCOMPLETE_BUDGET_MS)) ?? [];
    await interaction.respond(
      suggestions.slice(0, 25).map((s) => ({
        name: truncate(s.label, 100),
        value: spec?.type === 'integer' ? Number(s.value) : String(s.value),
      })),
    );
  }

  private async onButton(interaction: ButtonInteraction): Promise<void> {
    const parsed = parseRsvpCustomId(interaction.customId);
    const place = this.place(interaction);
    if (!place) return this.notInServer(interaction);
    if (!parsed) {
      const language = await this.deps.inbound.readerLanguage(place.actor, place.locale);
      await interaction.reply({
        content: discordText(language, 'button.unknown'),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const message = interaction.message;
    const ephemeralCard = message.flags.has(MessageFlags.Ephemeral);
    const defer = new DeferTimer(this.deferAfterMs, () => interaction.deferUpdate());
    // The RSVP, the redraw and the update run in turn per message: two quick clicks cannot
    // leave the card showing the first one's counts.
    const outcome = await this.inTurn(`${message.channelId}:${message.id}`, async () => {
      let reply: Reply;
      let card: ExchangeCard | undefined;
      let headline: string;
      try {
        reply = await this.deps.inbound.runCommand({
          command: 'rsvp',
          options: { event: parsed.exchange, answer: parsed.answer },
          actor: place.actor,
          channel: place.channel,
          locale: place.locale,
        });
        if (ephemeralCard) {
          // Only the clicker sees this card: it becomes their updated one.
          card = reply.error ? undefined : reply.exchange;
          headline = reply.exchange ? headlineOf(reply.text, reply.exchange) : message.content;
        } else {
          // A channel's card: redrawn as that channel shows it, also when the answer was refused
          // (a cancelled exchange loses its buttons).
          card =
            (await this.deps.inbound.channelCard(place.actor, place.channel, parsed.exchange)) ??
            (reply.error ? undefined : reply.exchange);
          headline = message.content;
        }
      } finally {
        await defer.settle().catch(() => undefined);
      }
      if (card) {
        const body = cardMessage(card, headline);
        if (interaction.deferred) await interaction.editReply(body);
        else await interaction.update(body);
      }
      return { reply, updated: card !== undefined };
    });
    const { reply, updated } = outcome;
    // What happened, for the clicker alone (their card already says it when it was theirs).
    if (ephemeralCard && updated) return;
    const [notice] = renderReply(reply, { withCard: false });
    if (!notice) return;
    if (interaction.replied || interaction.deferred) {
      await interaction.followUp({ ...notice, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ ...notice, flags: MessageFlags.Ephemeral });
    }
  }

  private inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.cardQueues.get(key) ?? Promise.resolve();
    const next = previous.then(work);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.cardQueues.set(key, tail);
    void tail.then(() => {
      if (this.cardQueues.get(key) === tail) this.cardQueues.delete(key);
    });
    return next;
  }
}
