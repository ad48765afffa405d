/**
 * A DiscordConnection that never opens a socket, for routing tests that run in milliseconds.
 *
 * The interactions are real discord.js objects: raw API payloads (as Discord sends them in
 * INTERACTION_CREATE) go through the Client's own INTERACTION_CREATE handling, which picks the
 * class (ChatInputCommandInteraction, ButtonInteraction, …) and emits `interactionCreate`, exactly
 * as the gateway path does. The Client has the production options (discordClientOptions) and
 * never logs in; its REST client's `makeRequest` (an @discordjs/rest option) answers in memory and
 * records every request, so a test reads what the bot answered: the interaction callback's type
 * and body, follow-ups and edits of the original answer.
 *
 *   const discord = new FakeDiscordConnection();
 *   const handle = discord.command({ name: 'town', subcommand: 'info' });
 *   await adapter.whenIdle();
 *   handle.answers();   // [{ kind: 'callback', type: 4, body: { content: …, flags: 64 } }]
 *
 * Two discord.js internals are used, each in one place below: `client.actions` (the handler the
 * gateway's INTERACTION_CREATE calls) and `client.guilds._add` (what GUILD_CREATE does), since
 * discord.js has no public way to hand a client a payload.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  Client,
  ComponentType,
  Events,
  InteractionType,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIInteraction,
  type APIMessage,
  type Interaction,
} from 'discord.js';
import {
  discordClientOptions,
  type DiscordConnection,
} from '../../src/adapters/discord/discord-connection.ts';
import {
  botMessage,
  interactionBase,
  MAX,
  nest,
  PASSAU,
  rawGuild,
  typedOptions,
  type ClickInput,
  type CommandInput,
  type FakeGuild,
  type Where,
} from './fake-discord-payloads.ts';

export {
  APPLICATION_ID,
  BOT_USER,
  MAX,
  PASSAU,
  POSTING_PERMISSIONS,
  type ClickInput,
  type CommandInput,
  type FakeGuild,
  type Where,
} from './fake-discord-payloads.ts';

const FAKE_API = 'http://discord.fake/api';

/** One request the bot made, with its JSON body. */
export interface RecordedRequest {
  method: string;
  /** The path after /api/v10, without the query. */
  path: string;
  query: string;
  body: Record<string, unknown> | undefined;
  /** Whether the connection was started (and not stopped) when the request went out. */
  whileConnected: boolean;
}

/** What the bot sent about one interaction, in order; `index` is its place in `requests`. */
export type InteractionAnswer = { index: number } & (
  | { kind: 'callback'; type: number; body: Record<string, unknown> | undefined }
  | { kind: 'follow-up'; body: Record<string, unknown> }
  | { kind: 'edit-original'; body: Record<string, unknown> }
);

export interface FakeInteraction {
  id: string;
  answers(): InteractionAnswer[];
}

/** A failure the fake REST gives instead of its answer: status and Discord's JSON error. */
export interface RestFailure {
  status: number;
  code: number;
  message: string;
}

export class FakeDiscordConnection implements DiscordConnection {
  readonly client: Client;
  readonly requests: RecordedRequest[] = [];
  private started = false;
  private nextId = 5000000000000000000n;
  private failWith: ((request: RecordedRequest) => RestFailure | undefined) | undefined;

  constructor(guilds: FakeGuild[] = [PASSAU]) {
    const options = discordClientOptions({ apiUrl: FAKE_API });
    this.client = new Client({
      ...options,
      rest: { ...options.rest, makeRequest: (url, init) => Promise.resolve(this.answer(url, init)) },
    });
    // What GUILD_CREATE does with the Guilds intent: the server and its channels in the cache.
    const guildManager = this.client.guilds as unknown as { _add(data: unknown): unknown };
    for (const guild of guilds) guildManager._add(rawGuild(guild));
  }

  get connected(): boolean {
    return this.started;
  }

  get state(): 'connected' | 'disconnected' {
    return this.started ? 'connected' : 'disconnected';
  }

  onInteraction(listener: (interaction: Interaction) => void): () => void {
    this.client.on(Events.InteractionCreate, listener);
    return () => this.client.off(Events.InteractionCreate, listener);
  }

  start(): Promise<void> {
    this.started = true;
    this.client.rest.setToken('fake-token');
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.started = false;
    return Promise.resolve();
  }

  /** From now on, requests for which `rule` returns a failure get it instead of an answer. */
  failRequests(rule: ((request: RecordedRequest) => RestFailure | undefined) | undefined): void {
    this.failWith = rule;
  }

  /** A slash command typed by a member. */
  command(input: CommandInput): FakeInteraction {
    const leaves = input.rawOptions ?? typedOptions(input.options ?? {});
    return this.dispatch({
      ...interactionBase(input, InteractionType.ApplicationCommand, () => this.id()),
      data: {
        id: this.id(),
        name: input.name,
        type: ApplicationCommandType.ChatInput,
        options: nest(leaves, input.group, input.subcommand),
      },
    });
  }

  /** A member typing into option `focused` of a command. */
  autocomplete(input: CommandInput & { focused: string; typed: string }): FakeInteraction {
    const leaves = [
      ...typedOptions(input.options ?? {}),
      { name: input.focused, type: ApplicationCommandOptionType.String, value: input.typed, focused: true },
    ] as APIApplicationCommandInteractionDataBasicOption[];
    return this.dispatch({
      ...interactionBase(input, InteractionType.ApplicationCommandAutocomplete, () => this.id()),
      data: {
        id: this.id(),
        name: input.name,
        type: ApplicationCommandType.ChatInput,
        options: nest(leaves, input.group, input.subcommand),
      },
    });
  }

  /** A click on a button of a message. */
  click(input: ClickInput): FakeInteraction {
    const base = interactionBase(input, InteractionType.MessageComponent, () => this.id());
    return this.dispatch({
      ...base,
      message: this.message(base.channel.id, input.message),
      data: { custom_id: input.customId, component_type: ComponentType.Button },
    });
  }

  /** A choice in a select menu (Twinbridge makes none). */
  select(input: ClickInput & { values: string[] }): FakeInteraction {
    const base = interactionBase(input, InteractionType.MessageComponent, () => this.id());
    return this.dispatch({
      ...base,
      message: this.message(base.channel.id, input.message),
      data: { custom_id: input.customId, component_type: ComponentType.StringSelect, values: input.values },
    });
  }

  /** A user context-menu command (Twinbridge registers none). */
  userCommand(input: Where & { name: string }): FakeInteraction {
    const target = input.user ?? MAX;
    return this.dispatch({
      ...interactionBase(input, InteractionType.ApplicationCommand, () => this.id()),
      data: {
        id: this.id(),
        name: input.name,
        type: ApplicationCommandType.User,
        target_id: target.id,
        resolved: { users: { [target.id]: target } },
      },
    });
  }

  /** The requests the bot made that are not about an interaction (posts for the outbox). */
  channelRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith('/channels/') || r.path.startsWith('/users/'));
  }

  private dispatch(raw: Record<string, unknown>): FakeInteraction {
    const payload = raw as unknown as APIInteraction;
    // The handler the gateway's INTERACTION_CREATE dispatch runs.
    const actions = (
      this.client as unknown as { actions: { InteractionCreate: { handle(d: unknown): void } } }
    ).actions;
    actions.InteractionCreate.handle(payload);
    return { id: payload.id, answers: () => this.answersTo(payload) };
  }

  private answersTo(payload: APIInteraction): InteractionAnswer[] {
    const callback = `/interactions/${payload.id}/${payload.token}/callback`;
    const webhook = `/webhooks/${payload.application_id}/${payload.token}`;
    return this.requests.flatMap((r, index): InteractionAnswer[] => {
      if (r.path === callback) {
        return [{ index, kind: 'callback', type: Number(r.body?.['type']), body: callbackData(r) }];
      }
      if (r.path === webhook && r.method === 'POST')
        return [{ index, kind: 'follow-up', body: r.body ?? {} }];
      if (r.path === `${webhook}/messages/@original`) {
        return [{ index, kind: 'edit-original', body: r.body ?? {} }];
      }
      return [];
    });
  }

  private message(channelId: string, message: Partial<APIMessage> | undefined): APIMessage {
    return { ...botMessage({ content: 'card' }, channelId, this.id()), ...message };
  }

  private id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  /** The REST answer: recorded, then what Discord would send back. */
  private answer(url: string, init: RequestInit): Response {
    const { pathname, search } = new URL(url);
    const body =
      typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: decodeURIComponent(pathname).replace(/^\/api\/v\d+/, ''),
      query: search,
      body,
      whileConnected: this.started,
    };
    this.requests.push(request);
    const failure = this.failWith?.(request);
    if (failure) return json({ code: failure.code, message: failure.message }, failure.status);
    if (request.path.endsWith('/callback')) return new Response(null, { status: 204 });
    if (request.path === '/users/@me/channels')
      return json({ id: this.id(), type: ChannelType.DM, recipients: [] });
    const channel = /^\/channels\/(\d+)\/messages/.exec(request.path)?.[1];
    if (request.path.startsWith('/webhooks/') || channel) {
      return json(botMessage(body ?? {}, channel ?? PASSAU.channels[0]?.id ?? '0', this.id()));
    }
    return json({ code: 0, message: '404: Not Found' }, 404);
  }
}

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

function callbackData(request: RecordedRequest): Record<string, unknown> | undefined {
  const data = request.body?.['data'];
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}
