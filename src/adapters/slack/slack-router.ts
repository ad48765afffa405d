/**
 * What arrives from Slack, handed to the core's InboundPort. Everything is acknowledged at once
 * (Slack allows 3 s) and then worked on, except form submissions (see command-forms.ts):
 * - `/twin <group> <verb> name:value …` runs as text, parsed by the same parser as the console;
 *   `/twin event create` alone opens a form instead. A coordinator's command is confirmed to
 *   them alone: the channel gets what it causes (slack-answers.ts).
 * - RSVP buttons on exchange cards run `rsvp` and redraw the card (rsvp-buttons.ts).
 * - `@Twinbridge <command>` (app_mention) runs the command and answers in the thread.
 * - Members' messages in channels go to the relay (slack-messages.ts), one channel's in order.
 * - Events Slack re-delivers are handled once (SlackEventLedger); uninstalling the app or
 *   revoking its bot token deletes the workspace's tokens.
 */
import type {
  App,
  BlockAction,
  ButtonAction,
  RespondFn,
  SlashCommand,
  ViewSubmitAction,
  webApi,
} from '@slack/bolt';
import { commandList, commands } from '../../../commands/index.ts';
import type { InboundPort } from '../../core/adapter-contract.ts';
import type { DeadlineTimer } from '../../core/async/deadline.ts';
import type { CommandDefinition } from '../../core/commands/definition.ts';
import { parseCommandText } from '../../core/commands/text-syntax.ts';
import { translate } from '../../core/i18n/translator.ts';
import type { Logger } from '../../core/ports.ts';
import type { RelayResumePoint } from '../../core/relay/relay-ports.ts';
import { RSVP_ACTION_PATTERN } from './block-kit.ts';
import { channelAccess, linksChannel } from './channel-access.ts';
import { COMMAND_MODAL_CALLBACK, MODAL_COMMANDS } from './command-modal.ts';
import { CommandForms } from './command-forms.ts';
import { RsvpButtons } from './rsvp-buttons.ts';
import { answerFor, SlackAnswers } from './slack-answers.ts';
import { messageChannelKey, SlackMessages } from './slack-messages.ts';
import type { SlackEventLedger, WorkspaceClients } from './slack-ports.ts';
import { PROFILE_LOOKUP_MS, type SlackProfiles } from './slack-profiles.ts';
import { readableText } from './readable-text.ts';
import { relayReadingGap, type WorkspaceScopes } from './relayed-copy.ts';
import { decodeSlackText, stripLeadingMention } from './slack-text.ts';

type WebClient = webApi.WebClient;

/** The workspace a request comes from: commands and events name `team_id`, buttons and forms `team.id`. */
function teamOf(body: unknown): string | undefined {
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null };
  if (typeof b.team_id === 'string') return b.team_id;
  return typeof b.team?.id === 'string' ? b.team.id : undefined;
}

/** A form must open within 3 s of the command: its profile lookup waits only this long. */
const FORM_PROFILE_LOOKUP_MS = 500;

export interface SlackRouterParts {
  inbound: InboundPort;
  profiles: SlackProfiles;
  events: SlackEventLedger;
  workspaces: WorkspaceClients;
  logger: Logger;
  /** The slash command, e.g. `/twin`. */
  command: string;
  /** What each workspace granted; a missing relay scope is logged once (relayed-copy.ts). */
  scopes?: WorkspaceScopes;
}

export interface SlackRouterTuning {
  /** A form submission answers Slack within this (default 2500 ms); slower commands answer later. */
  modalDeadlineMs?: number;
  /** The timer deadlines run on (real by default). */
  timer?: DeadlineTimer;
  /** SLACK_ALLOWED_TEAMS: requests from other workspaces are refused. Default: every workspace. */
  allowedTeams?: readonly string[] | undefined;
}

export class SlackRouter {
  private readonly answers: SlackAnswers;
  private readonly buttons: RsvpButtons;
  private readonly forms: CommandForms;
  private readonly messages: SlackMessages;
  private readonly timer: DeadlineTimer | undefined;
  private readonly allowedTeams: ReadonlySet<string> | undefined;

  constructor(
    private readonly parts: SlackRouterParts,
    tuning: SlackRouterTuning = {},
  ) {
    this.answers = new SlackAnswers(parts.logger);
    this.timer = tuning.timer;
    this.allowedTeams = tuning.allowedTeams ? new Set(tuning.allowedTeams) : undefined;
    this.buttons = new RsvpButtons(parts.inbound, parts.profiles, this.answers);
    this.forms = new CommandForms(parts.inbound, parts.profiles, this.answers, tuning);
    this.messages = new SlackMessages({ ...parts, timer: this.timer });
  }

  /** Reads back relaying channels at start (slack-messages.ts), ahead of their live events. */
  backfill(points: readonly RelayResumePoint[], connected: Promise<boolean>, now: Date): void {
    this.messages.backfill(this.parts.workspaces, points, connected, now);
  }

  /** Registers the listeners on the connection's app. */
  attach(app: App): void {
    const allowed = this.allowedTeams;
    if (allowed) {
      app.use(async (args) => {
        const teamId = teamOf(args.body);
        if (teamId !== undefined && allowed.has(teamId)) return args.next();
        this.parts.logger.warn({ team: teamId }, 'Slack: request from a workspace not allowed');
        // Commands, buttons and forms wait for an answer; events are acknowledged by Bolt.
        if ('ack' in args && typeof args.ack === 'function') {
          const ack = args.ack as (response?: string) => Promise<void>;
          await ack('command' in args ? translate('en', 'access.community-not-allowed') : undefined);
        }
      });
    }
    app.use(async ({ body, next }) => {
      const channel = messageChannelKey(body);
      if (channel === undefined) return next();
      await this.messages.inOrder(channel, next);
    });
    app.use(async ({ body, next }) => {
      if (await this.isRedelivery(body)) return;
      await next();
    });
    this.messages.attach(app);
    app.command(this.parts.command, async ({ command, ack, respond, client }) => {
      await ack();
      await this.onSlashCommand(command, respond, client);
    });
    app.action<BlockAction<ButtonAction>>(
      RSVP_ACTION_PATTERN,
      async ({ ack, body, action, respond, client }) => {
        await ack();
        await this.buttons.click(body, action, respond, client);
      },
    );
    app.view<ViewSubmitAction>(COMMAND_MODAL_CALLBACK, async ({ ack, body, client }) => {
      await this.forms.submit(body, ack, client);
    });
    app.event('app_mention', async ({ event, client, body }) => {
      const teamId = event.team ?? (body as { team_id?: string }).team_id ?? '';
      const who = await this.parts.profiles.identify(client, { teamId, userId: event.user ?? '' });
      const channel = { id: event.channel, name: event.channel };
      const text = await this.readable(client, teamId, stripLeadingMention(event.text), who.locale);
      const reply = await this.parts.inbound.runCommand({
        text,
        actor: who.actor,
        channel,
        locale: who.locale,
        slashCommand: this.parts.command,
      });
      const answer = answerFor(typedCommand(text), reply);
      await this.answers.inChannel(client, answer, who, channel, event.thread_ts ?? event.ts);
    });
    app.event('app_uninstalled', async ({ body }) => {
      await this.forgetWorkspace(body);
    });
    app.event('tokens_revoked', async ({ event, body }) => {
      if (event.tokens.bot?.length) await this.forgetWorkspace(body);
    });
    app.error(async (error) => {
      this.parts.logger.error({ err: error, code: error.code }, 'Slack listener failed');
      await Promise.resolve();
    });
  }

  /** Resolves once the card redraws and the members' messages under way have finished. */
  async idle(): Promise<void> {
    await Promise.all([this.buttons.idle(), this.messages.idle()]);
  }

  /** An event Slack delivers again (it saw no acknowledgement in time) was handled already. */
  private async isRedelivery(body: unknown): Promise<boolean> {
    const envelope = body as { type?: unknown; event_id?: unknown; team_id?: unknown };
    if (envelope.type !== 'event_callback' || typeof envelope.event_id !== 'string') return false;
    const teamId = typeof envelope.team_id === 'string' ? envelope.team_id : '';
    if (await this.parts.events.firstDelivery(envelope.event_id, teamId)) return false;
    this.parts.logger.info(
      { event: envelope.event_id },
      'Slack re-delivered an event already handled; skipped',
    );
    return true;
  }

  private async forgetWorkspace(body: { team_id?: string; enterprise_id?: string }): Promise<void> {
    const teamId = body.team_id;
    if (!teamId) return;
    await this.parts.workspaces.uninstalled({ teamId, enterpriseId: body.enterprise_id });
    this.parts.logger.warn(
      { team: teamId },
      'Slack: the app was uninstalled from a workspace; its tokens are deleted',
    );
  }

  /** Command text with the members and channels it mentions written as their names (readable-text.ts). */
  private readable(
    client: WebClient,
    teamId: string,
    raw: string,
    locale: string | undefined,
  ): Promise<string> {
    const { profiles, logger } = this.parts;
    return readableText(raw, { client, teamId, locale, profiles, logger, timer: this.timer });
  }

  private async onSlashCommand(command: SlashCommand, respond: RespondFn, client: WebClient): Promise<void> {
    // A workspace that cannot relay says so in the log once, before anyone waits for a copy.
    const scopes = this.parts.scopes?.of(client, command.team_id);
    const channel = { id: command.channel_id, name: command.channel_name };
    // A form opens for the bare command, which mentions nobody.
    const bare = decodeSlackText(command.text).trim().toLowerCase();
    const formCommand = MODAL_COMMANDS.find((id) => commands[id].path.join(' ') === bare);
    const who = await this.parts.profiles.identify(
      client,
      {
        teamId: command.team_id,
        teamName: command.team_domain,
        userId: command.user_id,
        userName: command.user_name,
      },
      formCommand ? FORM_PROFILE_LOOKUP_MS : PROFILE_LOOKUP_MS,
    );
    if (formCommand) {
      await this.forms.open(client, command.trigger_id, formCommand, who, channel);
      return;
    }
    const text = await this.readable(client, command.team_id, command.text, who.locale);
    const started = performance.now();
    const access = linksChannel(text)
      ? await channelAccess(client, command.channel_id, {
          logger: this.parts.logger,
          waitMs: PROFILE_LOOKUP_MS,
          timer: this.timer,
        })
      : {};
    // Turning relaying on where Slack will not tell what members write: the answer says why.
    const gap = relaysChannel(text) ? relayReadingGap(await scopes) : undefined;
    const reply = await this.parts.inbound.runCommand({
      text,
      actor: who.actor,
      channel: { ...channel, ...access, ...(gap ? { relayReadingGap: gap } : {}) },
      locale: who.locale,
      slashCommand: this.parts.command,
    });
    this.parts.logger.debug(
      {
        team: command.team_id,
        user: command.user_id,
        ms: Math.round(performance.now() - started),
        error: reply.error?.key,
      },
      'Slack command handled',
    );
    await this.answers.respond(respond, answerFor(typedCommand(text), reply));
  }
}

/** True when the text runs `channel relay`. */
function relaysChannel(text: string): boolean {
  return typedCommand(text) === commands['channel.relay'];
}

/** The command a text names, if it names one. */
function typedCommand(text: string): CommandDefinition | undefined {
  const parsed = parseCommandText(text, commandList);
  return parsed.ok ? parsed.value.definition : undefined;
}
