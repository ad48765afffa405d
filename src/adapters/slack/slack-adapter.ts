/**
 * The Slack adapter: a Bolt app in HTTP mode (signed requests, the receiver's signature check on)
 * or Socket Mode (app-level token), for one workspace (bot token) or several (OAuth installation,
 * tokens in the database).
 *
 * What it receives, it acknowledges at once (Slack allows 3 s) and then works:
 * - `/twin <group> <verb> name:value …` goes to the CommandBus as text, parsed by the same parser
 *   as the console; `/twin event create` alone opens a modal instead.
 * - RSVP buttons on exchange cards run the `rsvp` command and update the card.
 * - The modal's submission runs its command and shows refusals on the fields (this one answers
 *   only after the command ran: field errors must travel in the acknowledgement).
 * - `@Twinbridge <command>` (app_mention) runs the command too; events Slack re-delivers are
 *   handled once (SlackEventReceipt). Uninstalling the app deletes the workspace's tokens.
 * Answers follow the core's Reply: private ones (and every refusal) are ephemeral.
 *
 * For the outbox it posts through SlackPoster (see there for retries and duplicates).
 */
import type { Server } from 'node:http';
import { format } from 'node:util';
import {
  App,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
  webApi,
  type BlockAction,
  type ButtonAction,
  type Logger as BoltLogger,
  type Receiver,
  type RespondFn,
  type SlashCommand,
  type ViewSubmitAction,
  type AckFn,
  type ViewResponseAction,
} from '@slack/bolt';
import { commands, type CommandId } from '../../../commands/index.ts';
import type { InboundPort, PlatformAdapter } from '../../core/adapter-contract.ts';
import type { CommandDefinition } from '../../core/commands/definition.ts';
import type { Actor, ChannelRef, Reply } from '../../core/commands/invocation.ts';
import type {
  ChannelTarget,
  DirectTarget,
  Logger,
  OutgoingMessage,
  ChannelPoster,
  PostResult,
} from '../../core/ports.ts';
import type { SlackConfig } from '../../config.ts';
import type { PrismaClient } from '../../db/open-database.ts';
import {
  exchangeBlocks,
  headlineFromBlocks,
  parseRsvpActionId,
  renderReply,
  RSVP_ACTION_PATTERN,
  type SlackMessageBody,
} from './block-kit.ts';
import {
  COMMAND_MODAL_CALLBACK,
  commandModal,
  decodeMetadata,
  fieldErrors,
  MODAL_COMMANDS,
  refusalModal,
  submittedOptions,
} from './command-modal.ts';
import { SLACK_BOT_SCOPES, SLACK_PATHS } from './manifest.ts';
import { SlackPoster } from './slack-poster.ts';
import { PrismaSlackInstallationStore, SlackEventLedger, SlackPostLedger } from './slack-stores.ts';
import { decodeSlackText, escapeSlackText, stripLeadingMention } from './slack-text.ts';
import { SlackWorkspaces } from './slack-workspaces.ts';

type WebClient = webApi.WebClient;

export interface SlackAdapterDependencies {
  config: SlackConfig;
  inbound: InboundPort;
  prisma: PrismaClient;
  logger: Logger;
}

/** Knobs for tests and unusual deployments; production uses the defaults. */
export interface SlackAdapterTuning {
  /** HTTP mode: send the HTTP answer only once listeners finished (default false: ack, then work). */
  processBeforeResponse?: boolean;
  /** Socket Mode: reconnect after this long without a pong (Bolt's default 5000 ms). */
  clientPingTimeoutMs?: number;
  /** Retries of interactive Web API calls (views.open, chat.update, …); default 2. */
  webApiRetries?: number;
  /** A modal submission answers Slack within this (default 2500 ms); slower commands answer later. */
  modalDeadlineMs?: number;
  /** How long a person's Slack name and language are reused (default 1 h). */
  profileTtlMs?: number;
}

interface Profile {
  name: string | undefined;
  locale: string | undefined;
}

interface Identified {
  actor: Actor;
  locale: string | undefined;
}

const PROFILE_LOOKUP_MS = 1500;
const PROFILE_CACHE_MAX = 10_000;

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

/** Bolt's logger interface over the project's (pino-style) logger. */
export function boltLogger(logger: Logger): BoltLogger {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]): void => {
      logger[level]({ component: 'slack' }, format(...msg));
    };
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

export class SlackAdapter implements ChannelPoster, PlatformAdapter {
  /** This adapter posts itself until its poster is split out. */
  get poster(): ChannelPoster {
    return this;
  }

  readonly platform = 'SLACK' as const;

  private app: App | undefined;
  private server: Server | undefined;
  private connectedPoster: SlackPoster | undefined;
  private workspaces: SlackWorkspaces | undefined;
  private readonly installations: PrismaSlackInstallationStore;
  private readonly events: SlackEventLedger;
  private readonly posts: SlackPostLedger;
  private readonly profiles = new Map<string, { profile: Profile; until: number }>();
  /** Card refreshes per message run one after another, so the last one shows the latest answers. */
  private readonly refreshes = new Map<string, Promise<void>>();
  private readonly bolt: BoltLogger;

  constructor(
    private readonly deps: SlackAdapterDependencies,
    private readonly tuning: SlackAdapterTuning = {},
  ) {
    this.installations = new PrismaSlackInstallationStore(deps.prisma);
    this.events = new SlackEventLedger(deps.prisma);
    this.posts = new SlackPostLedger(deps.prisma);
    this.bolt = boltLogger(deps.logger);
  }

  /** HTTP mode: the port Slack's requests arrive at (useful with port 0). */
  get httpPort(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  async start(): Promise<void> {
    const { config, logger } = this.deps;
    const slackApiUrl = config.apiUrl;
    const interactiveOptions: webApi.WebClientOptions = {
      ...(slackApiUrl ? { slackApiUrl } : {}),
      logger: this.bolt,
      timeout: 10_000,
      retryConfig: { retries: this.tuning.webApiRetries ?? 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
    };
    const postingOptions: webApi.WebClientOptions = {
      ...(slackApiUrl ? { slackApiUrl } : {}),
      logger: this.bolt,
      timeout: 10_000,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    };

    let single: { botToken: string; botId: string | undefined; botUserId: string | undefined } | undefined;
    if (config.botToken) {
      // Learns which workspace the token belongs to; an unreachable API stops the start loudly.
      const auth = await new webApi.WebClient(config.botToken, interactiveOptions).auth.test();
      if (!auth.team_id) throw new Error('Slack auth.test gave no team id for SLACK_BOT_TOKEN');
      single = { botToken: config.botToken, botId: auth.bot_id, botUserId: auth.user_id };
      this.workspaces = new SlackWorkspaces(
        { kind: 'single', teamId: auth.team_id, botToken: config.botToken },
        postingOptions,
      );
      logger.info({ team: auth.team_id, mode: config.mode }, 'Slack: one workspace (bot token)');
    } else if (config.oauth) {
      this.workspaces = new SlackWorkspaces({ kind: 'oauth', store: this.installations }, postingOptions);
      logger.info(
        { installed: await this.installations.count(), mode: config.mode },
        'Slack: workspaces install through OAuth',
      );
    } else {
      throw new Error('Slack needs SLACK_BOT_TOKEN or OAuth credentials');
    }
    this.connectedPoster = new SlackPoster(this.workspaces, this.posts, logger);

    const receiver = this.buildReceiver(interactiveOptions);
    const app = new App({
      receiver,
      logger: this.bolt,
      clientOptions: interactiveOptions,
      ...(single
        ? {
            token: single.botToken,
            botId: single.botId,
            botUserId: single.botUserId,
            tokenVerificationEnabled: false,
          }
        : {}),
    });
    this.register(app);
    this.app = app;
    if (config.mode === 'http') {
      this.server = await app.start({ port: config.port, host: config.host });
      logger.info({ port: this.httpPort, path: SLACK_PATHS.events }, 'Slack: listening for requests');
    } else {
      await app.start();
      logger.info({}, 'Slack: connected in Socket Mode');
    }
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    this.server = undefined;
    if (app) await app.stop();
    await Promise.allSettled([...this.refreshes.values()]);
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

  private requirePoster(): SlackPoster {
    if (!this.connectedPoster) throw new Error('the Slack adapter has not started');
    return this.connectedPoster;
  }

  // ---------------------------------------------------------------------------------------------
  // Receiving

  private buildReceiver(clientOptions: webApi.WebClientOptions): Receiver {
    const { config } = this.deps;
    const oauth = config.oauth
      ? {
          clientId: config.oauth.clientId,
          clientSecret: config.oauth.clientSecret,
          stateSecret: config.oauth.stateSecret,
          scopes: [...SLACK_BOT_SCOPES],
          installationStore: this.installations,
        }
      : {};
    const installerOptions = {
      clientOptions,
      directInstall: true,
      installPath: SLACK_PATHS.install,
      redirectUriPath: SLACK_PATHS.oauthRedirect,
      // Slack's authorize page sits beside its API (slack.com, slack-gov.com, or an emulator).
      ...(config.apiUrl
        ? { authorizationUrl: new URL('/oauth/v2/authorize', config.apiUrl).toString() }
        : {}),
    };
    if (config.mode === 'socket') {
      if (!config.appToken) throw new Error('Socket Mode needs SLACK_APP_TOKEN');
      return new SocketModeReceiver({
        appToken: config.appToken,
        logger: this.bolt,
        ...(this.tuning.clientPingTimeoutMs ? { clientPingTimeout: this.tuning.clientPingTimeoutMs } : {}),
        ...oauth,
        // The install pages (OAuth only) are served on SLACK_PORT.
        installerOptions: { ...installerOptions, port: config.port },
      });
    }
    if (!config.signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET');
    return new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_PATHS.events,
      processBeforeResponse: this.tuning.processBeforeResponse ?? false,
      logger: this.bolt,
      ...oauth,
      installerOptions,
      customRoutes: [
        {
          path: SLACK_PATHS.health,
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('ok');
          },
        },
      ],
    });
  }

  private register(app: App): void {
    const { config, logger } = this.deps;

    // Events Slack re-delivers (no acknowledgement seen in time) are handled once.
    app.use(async ({ body, next }) => {
      const envelope = body as { type?: unknown; event_id?: unknown; team_id?: unknown };
      if (envelope.type === 'event_callback' && typeof envelope.event_id === 'string') {
        const teamId = typeof envelope.team_id === 'string' ? envelope.team_id : '';
        const first = await this.events.firstDelivery(envelope.event_id, teamId);
        if (!first) {
          logger.info({ event: envelope.event_id }, 'Slack re-delivered an event already handled; skipped');
          return;
        }
      }
      await next();
    });

    app.command(config.command, async ({ command, ack, respond, client }) => {
      await ack();
      await this.onSlashCommand(command, respond, client);
    });

    app.action<BlockAction<ButtonAction>>(
      RSVP_ACTION_PATTERN,
      async ({ ack, body, action, respond, client }) => {
        await ack();
        await this.onRsvpClick(body, action, respond, client);
      },
    );

    app.view<ViewSubmitAction>(COMMAND_MODAL_CALLBACK, async ({ ack, body, client }) => {
      await this.onModalSubmission(body, ack, client);
    });

    app.event('app_mention', async ({ event, client, body }) => {
      const teamId = event.team ?? (body as { team_id?: string }).team_id ?? '';
      const who = await this.identify(client, { teamId, userId: event.user ?? '' });
      const channel = { id: event.channel, name: event.channel };
      const reply = await this.deps.inbound.runCommand({
        text: decodeSlackText(stripLeadingMention(event.text)),
        actor: who.actor,
        channel,
        locale: who.locale,
      });
      await this.answerInChannel(client, reply, who, channel, event.thread_ts ?? event.ts);
    });

    app.event('app_uninstalled', async ({ body }) => {
      await this.forgetWorkspace(body);
    });
    app.event('tokens_revoked', async ({ event, body }) => {
      if (event.tokens.bot?.length) await this.forgetWorkspace(body);
    });

    app.error(async (error) => {
      logger.error({ err: error, code: error.code }, 'Slack listener failed');
      await Promise.resolve();
    });
  }

  private async forgetWorkspace(body: { team_id?: string; enterprise_id?: string }): Promise<void> {
    const teamId = body.team_id;
    if (!teamId) return;
    this.workspaces?.forget(teamId);
    if (this.deps.config.oauth) {
      await this.installations.deleteInstallation({
        teamId,
        enterpriseId: body.enterprise_id,
        isEnterpriseInstall: false,
      });
    }
    this.deps.logger.warn(
      { team: teamId },
      'Slack: the app was uninstalled from a workspace; its tokens are deleted',
    );
  }

  private async onSlashCommand(command: SlashCommand, respond: RespondFn, client: WebClient): Promise<void> {
    const text = decodeSlackText(command.text);
    const channel = { id: command.channel_id, name: command.channel_name };
    const modalCommand = MODAL_COMMANDS.find(
      (id) => commands[id].path.join(' ') === text.trim().toLowerCase(),
    );
    const who = await this.identify(
      client,
      {
        teamId: command.team_id,
        teamName: command.team_domain,
        userId: command.user_id,
        userName: command.user_name,
      },
      // A modal must open within 3 s of the command: do not wait long for the profile.
      modalCommand ? 500 : PROFILE_LOOKUP_MS,
    );
    if (modalCommand) {
      await this.openModal(client, command.trigger_id, modalCommand, who, channel);
      return;
    }
    const started = performance.now();
    const reply = await this.deps.inbound.runCommand({ text, actor: who.actor, channel, locale: who.locale });
    this.deps.logger.debug(
      {
        team: command.team_id,
        user: command.user_id,
        ms: Math.round(performance.now() - started),
        error: reply.error?.key,
      },
      'Slack command handled',
    );
    await this.respondWithReply(respond, reply);
  }

  /** A command's answer through its response_url: ephemeral when private, else in the channel. */
  private async respondWithReply(respond: RespondFn, reply: Reply): Promise<void> {
    const message = this.answerBody(reply);
    await this.safely('respond', () =>
      respond({
        response_type: message.private ? 'ephemeral' : 'in_channel',
        replace_original: false,
        ...message.body,
      }),
    );
  }

  /** How to show an answer: private answers and refusals are ephemeral, the rest go to the channel. */
  private answerBody(reply: Reply): { private: boolean; body: SlackMessageBody } {
    return { private: reply.private || reply.error !== undefined, body: renderReply(reply) };
  }

  /** An answer without a response_url (modal, mention): ephemeral, or a message in the channel. */
  private async answerInChannel(
    client: WebClient,
    reply: Reply,
    who: Identified,
    channel: ChannelRef,
    threadTs?: string,
  ): Promise<void> {
    const message = this.answerBody(reply);
    try {
      if (message.private) {
        await client.chat.postEphemeral({ channel: channel.id, user: who.actor.userId, ...message.body });
      } else {
        await client.chat.postMessage({
          channel: channel.id,
          ...message.body,
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
      }
    } catch (error) {
      // The bot is not in that channel (a form opened elsewhere): the answer goes to a direct message.
      this.deps.logger.info(
        { err: error, channel: channel.id },
        'Slack answer sent as a direct message instead',
      );
      await this.safely('chat.postMessage', () =>
        client.chat.postMessage({ channel: who.actor.userId, ...message.body }),
      );
    }
  }

  private async onRsvpClick(
    body: BlockAction<ButtonAction>,
    action: ButtonAction,
    respond: RespondFn,
    client: WebClient,
  ): Promise<void> {
    const parsed = parseRsvpActionId(action.action_id);
    const container = body.container as { channel_id?: string; is_ephemeral?: boolean; message_ts?: string };
    const channelId = body.channel?.id ?? container.channel_id;
    if (!parsed || typeof channelId !== 'string') return;
    const channel = { id: channelId, name: body.channel?.name ?? channelId };
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const who = await this.identify(client, {
      teamId,
      teamName: body.team?.domain,
      userId: body.user.id,
      userName: body.user.name ?? body.user.username,
    });
    const reply = await this.deps.inbound.runCommand({
      command: 'rsvp',
      options: { event: parsed.exchange, answer: parsed.answer },
      actor: who.actor,
      channel,
      locale: who.locale,
    });
    if (reply.error || !reply.exchange) {
      await this.safely('respond', () =>
        respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...renderReply(reply),
        }),
      );
      return;
    }
    if (container.is_ephemeral) {
      // Only the clicker sees this card: replace it with their updated one.
      await this.safely('respond', () => respond({ replace_original: true, ...renderReply(reply) }));
      return;
    }
    await this.safely('respond', () =>
      respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderReply(reply, { withCard: false }),
      }),
    );
    const ts = body.message?.ts ?? container.message_ts;
    if (ts) {
      const headline = headlineFromBlocks(body.message?.blocks);
      await this.refreshCard(client, who, channel, ts, parsed.exchange, headline, reply);
    }
  }

  /** Redraws a posted card with the channel's own view of the exchange (its language and zone). */
  private refreshCard(
    client: WebClient,
    who: Identified,
    channel: ChannelRef,
    ts: string,
    exchangeNumber: number,
    headline: string | undefined,
    reply: Reply,
  ): Promise<void> {
    const key = `${channel.id}:${ts}`;
    const previous = this.refreshes.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      const card =
        (await this.deps.inbound.channelCard(who.actor, channel, exchangeNumber)) ?? reply.exchange;
      if (!card) return;
      const fallback = headline ? `${headline}\n` : '';
      await this.safely('chat.update', () =>
        client.chat.update({
          channel: channel.id,
          ts,
          text: escapeSlackText(`${fallback}#${card.number} ${card.title}`),
          blocks: exchangeBlocks(card, headline),
        }),
      );
    });
    const tracked = next.finally(() => {
      if (this.refreshes.get(key) === tracked) this.refreshes.delete(key);
    });
    this.refreshes.set(key, tracked);
    return tracked;
  }

  private async openModal(
    client: WebClient,
    triggerId: string,
    commandId: CommandId,
    who: Identified,
    channel: ChannelRef,
  ): Promise<void> {
    const definition: CommandDefinition = commands[commandId];
    const autocompleted = Object.entries(definition.options).filter(
      ([, spec]) => (spec.type === 'integer' || spec.type === 'string') && spec.autocomplete,
    );
    const [language, ...lists] = await Promise.all([
      this.deps.inbound.readerLanguage(who.actor, who.locale),
      ...autocompleted.map(([, spec]) =>
        'autocomplete' in spec && spec.autocomplete
          ? this.deps.inbound.suggest(who.actor, spec.autocomplete, '')
          : Promise.resolve([]),
      ),
    ]);
    const suggestions = Object.fromEntries(autocompleted.map(([name], i) => [name, lists[i] ?? []]));
    await this.safely('views.open', () =>
      client.views.open({
        trigger_id: triggerId,
        view: commandModal({
          commandId,
          definition,
          language,
          suggestions,
          metadata: { command: commandId, channelId: channel.id, channelName: channel.name },
        }),
      }),
    );
  }

  private async onModalSubmission(
    body: ViewSubmitAction,
    ack: AckFn<ViewResponseAction>,
    client: WebClient,
  ): Promise<void> {
    const metadata = decodeMetadata(body.view.private_metadata);
    if (!metadata || !Object.hasOwn(commands, metadata.command)) {
      await ack();
      return;
    }
    const commandId = metadata.command as CommandId;
    const definition = commands[commandId];
    const channel = { id: metadata.channelId, name: metadata.channelName };
    const who = await this.identify(client, {
      teamId: body.team?.id ?? body.user.team_id ?? '',
      teamName: body.team?.domain,
      userId: body.user.id,
      userName: body.user.name,
    });
    const running = this.deps.inbound.runCommand({
      command: commandId,
      options: submittedOptions(definition, body.view.state.values),
      actor: who.actor,
      channel,
      locale: who.locale,
    });
    const reply = await within(running, this.tuning.modalDeadlineMs ?? 2500);
    if (!reply) {
      // Slow: close the form now (Slack waits 3 s at most) and answer in the channel when done.
      await ack();
      await this.answerInChannel(client, await running, who, channel);
      return;
    }
    if (reply.error) {
      const errors = fieldErrors(definition, reply);
      if (errors) {
        await ack({ response_action: 'errors', errors });
      } else {
        const language = await this.deps.inbound.readerLanguage(who.actor, who.locale);
        await ack({ response_action: 'update', view: refusalModal(commandId, reply.text, language) });
      }
      return;
    }
    await ack();
    await this.answerInChannel(client, reply, who, channel);
  }

  // ---------------------------------------------------------------------------------------------
  // People

  /** The acting person as the core sees them, with their Slack name and language when known. */
  private async identify(
    client: WebClient,
    who: { teamId: string; teamName?: string | undefined; userId: string; userName?: string | undefined },
    waitMs = PROFILE_LOOKUP_MS,
  ): Promise<Identified> {
    const profile = await within(this.profile(client, who.teamId, who.userId), waitMs);
    return {
      actor: {
        platform: 'SLACK',
        communityExternalId: who.teamId,
        communityName: who.teamName ?? who.teamId,
        userId: who.userId,
        displayName: profile?.name ?? who.userName ?? who.userId,
      },
      locale: profile?.locale,
    };
  }

  private async profile(client: WebClient, teamId: string, userId: string): Promise<Profile> {
    const key = `${teamId}:${userId}`;
    const now = Date.now();
    const cached = this.profiles.get(key);
    if (cached && cached.until > now) return cached.profile;
    let profile: Profile = { name: undefined, locale: undefined };
    let ttl = this.tuning.profileTtlMs ?? 60 * 60 * 1000;
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const name = user?.profile?.display_name || user?.real_name || user?.name;
      profile = { name: name || undefined, locale: user?.locale || undefined };
    } catch (error) {
      // Without users:read (or while Slack hiccups) the payload's name is used; ask again soon.
      ttl = 60_000;
      this.deps.logger.debug({ err: error, user: userId }, 'Slack users.info failed');
    }
    if (this.profiles.size >= PROFILE_CACHE_MAX) {
      const oldest = this.profiles.keys().next();
      if (!oldest.done) this.profiles.delete(oldest.value);
    }
    this.profiles.set(key, { profile, until: now + ttl });
    return profile;
  }

  /** Runs a Web API call whose failure should be logged, not thrown into Bolt. */
  private async safely(what: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.deps.logger.warn({ err: error, call: what }, 'Slack call failed');
    }
  }
}
