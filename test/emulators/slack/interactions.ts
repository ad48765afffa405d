// Builders for what Slack sends to a bot: slash commands, block_actions, view_submission
// and Events API callbacks, shaped after docs.slack.dev (interactivity/implementing-slash-commands,
// reference/interaction-payloads/*, apis/events-api) and bolt-js src/types. Both transports
// (signed HTTP and Socket Mode) send the same payloads. Each builder issues the
// response_url and trigger_id the bot may use, so the Web API can check them later.

import type { Channel, SlackState, StoredView, User, Workspace } from './state.ts';

/** Who acts, and where; each field defaults to the default workspace's seeded values. */
export interface Actor {
  teamId?: string;
  userId?: string;
  channelId?: string;
}

export interface SlashCommandInput extends Actor {
  /** With the slash, e.g. `/twin`. */
  command: string;
  text?: string;
  /** Extra or overriding form fields. */
  extra?: Record<string, string>;
}

export interface BlockActionInput extends Actor {
  actionId: string;
  value?: string;
  /** Defaults to the block that holds `actionId` in the message/view, else `b-<actionId>`. */
  blockId?: string;
  /** Element type, default `button`. */
  type?: string;
  /** Message carrying the element (looked up in the store); default: the bot's latest message in the channel. */
  messageTs?: string;
  /** Or: the stored modal/Home view carrying the element. */
  viewId?: string;
  /** Extra action fields, e.g. `{ selected_option: {...} }`. */
  action?: Record<string, unknown>;
}

/** A state value; a plain string is shorthand for a plain_text_input value. */
export type ViewValueInput = string | ({ type: string } & Record<string, unknown>);

export interface ViewSubmissionInput extends Omit<Actor, 'channelId'> {
  /** Submit a view stored by views.open/push/update (its callback_id, metadata, blocks are used). */
  viewId?: string;
  /** Needed when no `viewId` is given. */
  callbackId?: string;
  privateMetadata?: string;
  /** `values[blockId][actionId]`. */
  values?: Record<string, Record<string, ViewValueInput>>;
}

export interface EventInput extends Actor {
  /** Inner event; `user`, `channel`, `ts`, `event_ts` and `team` are filled in when absent. */
  event: { type: string } & Record<string, unknown>;
  /** Reuse to model Slack re-delivering the same event. */
  eventId?: string;
}

export interface BuiltInteraction {
  readonly payload: Record<string, unknown>;
  readonly responseUrl: string | undefined;
  readonly triggerId: string | undefined;
}

export interface BuiltEvent {
  readonly payload: Record<string, unknown>;
  readonly eventId: string;
}

interface ResolvedActor {
  readonly ws: Workspace;
  readonly user: User;
  readonly channel: Channel | undefined;
}

export class Interactions {
  constructor(
    private readonly state: SlackState,
    private readonly baseUrl: () => string,
    private readonly appId: string,
    /** The deprecated verification token Slack still puts in payloads. */
    private readonly verificationToken: string,
  ) {}

  defaultWorkspace(): Workspace {
    const first = this.state.workspaces.values().next();
    if (first.done === true) throw new Error('Slack emulator has no workspace');
    return first.value;
  }

  slashCommand(input: SlashCommandInput): BuiltInteraction & { readonly fields: Record<string, string> } {
    const { ws, user, channel } = this.resolve(input, true);
    const responseUrl = this.issueResponseUrl('commands', ws, channel, undefined);
    const triggerId = this.issueTrigger(ws, user);
    const fields: Record<string, string> = {
      token: this.verificationToken,
      team_id: ws.teamId,
      team_domain: ws.domain,
      channel_id: channel?.id ?? '',
      channel_name: channel === undefined ? '' : channel.isIm ? 'directmessage' : channel.name,
      user_id: user.id,
      user_name: user.name,
      command: input.command,
      text: input.text ?? '',
      api_app_id: this.appId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
      ...input.extra,
    };
    return { fields, payload: fields, responseUrl, triggerId };
  }

  blockAction(input: BlockActionInput): BuiltInteraction {
    const { ws, user, channel } = this.resolve(input, input.viewId === undefined);
    const triggerId = this.issueTrigger(ws, user);
    const base = {
      type: 'block_actions',
      user: { id: user.id, username: user.name, name: user.name, team_id: ws.teamId },
      api_app_id: this.appId,
      token: this.verificationToken,
      trigger_id: triggerId,
      team: { id: ws.teamId, domain: ws.domain },
      enterprise: null,
      is_enterprise_install: false,
    };
    if (input.viewId !== undefined) {
      const stored = this.requireView(ws, input.viewId);
      const action = this.action(input, stored.view['blocks']);
      const payload = {
        ...base,
        container: { type: 'view', view_id: stored.id },
        view: stored.view,
        actions: [action],
      };
      return { payload, responseUrl: undefined, triggerId };
    }
    if (channel === undefined) throw new Error('blockAction needs a channel');
    const message = this.actionMessage(ws, channel, input.messageTs);
    const action = this.action(input, message['blocks']);
    const responseUrl = this.issueResponseUrl('actions', ws, channel, String(message['ts']));
    const payload = {
      ...base,
      container: { type: 'message', message_ts: message['ts'], channel_id: channel.id, is_ephemeral: false },
      channel: { id: channel.id, name: channel.isIm ? 'directmessage' : channel.name },
      message,
      state: { values: {} },
      response_url: responseUrl,
      actions: [action],
    };
    return { payload, responseUrl, triggerId };
  }

  viewSubmission(input: ViewSubmissionInput): BuiltInteraction {
    const { ws, user } = this.resolve(input, false);
    const triggerId = this.issueTrigger(ws, user);
    const values: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const [blockId, actions] of Object.entries(input.values ?? {})) {
      const block: Record<string, Record<string, unknown>> = {};
      for (const [actionId, value] of Object.entries(actions)) {
        block[actionId] = typeof value === 'string' ? { type: 'plain_text_input', value } : value;
      }
      values[blockId] = block;
    }
    let view: Record<string, unknown>;
    if (input.viewId !== undefined) {
      view = { ...this.requireView(ws, input.viewId).view };
    } else {
      if (input.callbackId === undefined) throw new Error('viewSubmission needs viewId or callbackId');
      const id = this.state.newId('V', 8);
      view = {
        id,
        team_id: ws.teamId,
        type: 'modal',
        title: { type: 'plain_text', text: 'Modal' },
        blocks: [],
        close: null,
        submit: { type: 'plain_text', text: 'Submit' },
        private_metadata: '',
        callback_id: input.callbackId,
        external_id: '',
        hash: `${Math.floor(this.state.now() / 1000)}.${this.state.newId('', 8)}`,
        clear_on_close: false,
        notify_on_close: false,
        root_view_id: id,
        previous_view_id: null,
        app_id: this.appId,
        app_installed_team_id: ws.teamId,
        bot_id: ws.botId,
      };
    }
    if (input.callbackId !== undefined) view['callback_id'] = input.callbackId;
    if (input.privateMetadata !== undefined) view['private_metadata'] = input.privateMetadata;
    view['state'] = { values };
    const payload = {
      type: 'view_submission',
      team: { id: ws.teamId, domain: ws.domain },
      user: { id: user.id, username: user.name, name: user.name, team_id: ws.teamId },
      api_app_id: this.appId,
      token: this.verificationToken,
      trigger_id: triggerId,
      view,
      response_urls: [],
      enterprise: null,
      is_enterprise_install: false,
    };
    return { payload, responseUrl: undefined, triggerId };
  }

  event(input: EventInput): BuiltEvent {
    const { ws, user, channel } = this.resolve(input, false);
    const ts = this.state.nextTs();
    const event: Record<string, unknown> = {
      user: user.id,
      ...(channel !== undefined ? { channel: channel.id } : {}),
      ts,
      team: ws.teamId,
      ...input.event,
    };
    if (event['event_ts'] === undefined) event['event_ts'] = event['ts'];
    const eventId = input.eventId ?? `Ev${this.state.newId('', 8)}`;
    const payload = {
      token: this.verificationToken,
      team_id: ws.teamId,
      api_app_id: this.appId,
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(this.state.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: ws.teamId,
          user_id: ws.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${eventId}`,
    };
    return { payload, eventId };
  }

  /** An app_mention as Slack writes it: the text starts with `<@BOT_USER_ID>`. */
  appMention(input: Actor & { text: string; threadTs?: string; eventId?: string }): BuiltEvent {
    const ws = this.workspaceOf(input.teamId);
    return this.event({
      ...input,
      event: {
        type: 'app_mention',
        text: `<@${ws.botUserId}> ${input.text}`,
        ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
      },
    });
  }

  workspaceOf(teamId: string | undefined): Workspace {
    if (teamId === undefined) return this.defaultWorkspace();
    const ws = this.state.workspaces.get(teamId);
    if (ws === undefined) throw new Error(`Slack emulator: unknown workspace ${teamId}`);
    return ws;
  }

  private resolve(actor: Actor, needsChannel: boolean): ResolvedActor {
    const ws = this.workspaceOf(actor.teamId);
    const userId = actor.userId ?? ws.defaultUserId;
    const user = this.state.users.get(userId);
    if (user === undefined || user.teamId !== ws.teamId) {
      throw new Error(`Slack emulator: unknown user ${userId} in ${ws.teamId}`);
    }
    const channelId = actor.channelId ?? ws.generalChannelId;
    let channel: Channel | undefined;
    if (channelId !== undefined) {
      channel = this.state.channels.get(channelId);
      if (channel === undefined) throw new Error(`Slack emulator: unknown channel ${channelId}`);
    }
    if (needsChannel && channel === undefined)
      throw new Error('Slack emulator: this interaction needs a channelId');
    return { ws, user, channel };
  }

  /** A fresh trigger_id for `actor`, as if they had just clicked something. */
  triggerFor(actor: Actor): string {
    const { ws, user } = this.resolve(actor, false);
    return this.issueTrigger(ws, user);
  }

  private issueTrigger(ws: Workspace, user: User): string {
    const n = this.state.newId('', 10);
    const id = `${n}.${ws.teamId.replace(/\D/g, '') || '1'}.${Buffer.from(n).toString('hex')}`;
    this.state.triggers.set(id, {
      id,
      teamId: ws.teamId,
      userId: user.id,
      issuedAt: this.state.now(),
      used: false,
    });
    return id;
  }

  private issueResponseUrl(
    kind: 'commands' | 'actions',
    ws: Workspace,
    channel: Channel | undefined,
    messageTs: string | undefined,
  ): string {
    const id = this.state.newId('', 10);
    const url = `${this.baseUrl()}/hooks/${kind}/${ws.teamId}/${id}/${Buffer.from(id).toString('base64url')}`;
    this.state.responseUrls.set(url, {
      id,
      url,
      teamId: ws.teamId,
      channelId: channel?.id,
      messageTs,
      issuedAt: this.state.now(),
      uses: 0,
    });
    return url;
  }

  private requireView(ws: Workspace, viewId: string): StoredView {
    const stored = this.state.views.get(viewId);
    if (stored === undefined || stored.teamId !== ws.teamId)
      throw new Error(`Slack emulator: unknown view ${viewId}`);
    return stored;
  }

  private actionMessage(
    ws: Workspace,
    channel: Channel,
    messageTs: string | undefined,
  ): Record<string, unknown> {
    const stored =
      messageTs !== undefined
        ? this.state.findMessage(channel.id, messageTs)
        : [...this.state.messages]
            .reverse()
            .find((m) => m.channel === channel.id && !m.deleted && m.user === ws.botUserId);
    if (stored === undefined && messageTs === undefined) {
      throw new Error(
        `Slack emulator: blockAction needs messageTs or viewId (no bot message in ${channel.id})`,
      );
    }
    if (stored === undefined) {
      return {
        type: 'message',
        ts: messageTs,
        text: '',
        user: ws.botUserId,
        bot_id: ws.botId,
        team: ws.teamId,
      };
    }
    return {
      type: 'message',
      ts: stored.ts,
      text: stored.text,
      user: stored.user,
      bot_id: stored.botId,
      app_id: this.appId,
      team: stored.teamId,
      ...(stored.blocks !== undefined ? { blocks: stored.blocks } : {}),
      ...(stored.threadTs !== undefined ? { thread_ts: stored.threadTs } : {}),
    };
  }

  private action(input: BlockActionInput, blocks: unknown): Record<string, unknown> {
    return {
      type: input.type ?? 'button',
      action_id: input.actionId,
      block_id: input.blockId ?? findBlockId(blocks, input.actionId) ?? `b-${input.actionId}`,
      ...(input.value !== undefined ? { value: input.value } : {}),
      action_ts: this.state.nextTs(),
      ...input.action,
    };
  }
}

/** The block_id of the block whose element (or accessory) has this action_id. */
function findBlockId(blocks: unknown, actionId: string): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as unknown[]) {
    if (typeof block !== 'object' || block === null) continue;
    const record = block as Record<string, unknown>;
    const candidates: unknown[] = [
      ...(Array.isArray(record['elements']) ? (record['elements'] as unknown[]) : []),
      record['accessory'],
      record['element'],
    ];
    const hit = candidates.some(
      (el) =>
        typeof el === 'object' && el !== null && (el as Record<string, unknown>)['action_id'] === actionId,
    );
    if (hit && typeof record['block_id'] === 'string') return record['block_id'];
  }
  return undefined;
}
