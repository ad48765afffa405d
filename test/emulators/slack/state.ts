// In-memory model of the Slack side: workspaces (with their tokens), channels, users,
// messages, views, trigger ids, response URLs and OAuth codes. The Web API handlers,
// the payload builders and the tests all read and write this one object.

import type { StoredFile } from './files-api.ts';
import type { StoredReaction } from './reactions.ts';

export type { StoredFile };

export interface Workspace {
  readonly teamId: string;
  readonly teamName: string;
  readonly domain: string;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly botName: string;
  /** The human who installs the app (alice); owns `userToken`. */
  readonly installerUserId: string;
  readonly userToken: string;
  readonly scopes: readonly string[];
  /** Tokens of a workspace that is not installed answer `invalid_auth` until an OAuth exchange. */
  installed: boolean;
  /** Seeded #general, which the bot has joined (undefined with `seed: false`). */
  readonly generalChannelId: string | undefined;
  /** Seeded #random, which the bot has NOT joined: posting there answers `not_in_channel`. */
  readonly randomChannelId: string | undefined;
  /** The seeded human user (alice, also the installer): the default actor of interactions. */
  readonly defaultUserId: string;
}

export interface WorkspaceInput {
  teamId: string;
  teamName?: string;
  domain?: string;
  botToken?: string;
  botUserId?: string;
  botId?: string;
  botName?: string;
  userToken?: string;
  scopes?: readonly string[];
  /** Default true; false models a workspace that will be installed through OAuth. */
  installed?: boolean;
  /** Default true: create #general (bot member) and #random (bot not member). */
  seed?: boolean;
}

export interface Channel {
  readonly id: string;
  readonly teamId: string;
  name: string;
  readonly isIm: boolean;
  isPrivate: boolean;
  botIsMember: boolean;
  /** For a DM: the human on the other side. */
  readonly imUserId: string | undefined;
  readonly created: number;
}

export interface ChannelInput {
  id?: string;
  teamId?: string;
  name: string;
  isPrivate?: boolean;
  /** Default true. */
  botIsMember?: boolean;
}

export interface User {
  readonly id: string;
  readonly teamId: string;
  name: string;
  realName: string;
  isBot: boolean;
  tz: string;
  email: string | undefined;
  isAdmin: boolean;
  isOwner: boolean;
}

export interface UserInput {
  id?: string;
  teamId?: string;
  name: string;
  realName?: string;
  isBot?: boolean;
  tz?: string;
  email?: string;
  /** A workspace admin (users.info `is_admin`); default false. */
  isAdmin?: boolean;
  /** The workspace owner (users.info `is_owner`); default false. */
  isOwner?: boolean;
}

export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  readonly teamId: string;
  /** Author: the bot user id for messages posted through the Web API. */
  readonly user: string;
  readonly botId: string | undefined;
  text: string;
  blocks: unknown[] | undefined;
  readonly threadTs: string | undefined;
  /** Every argument of the call that created the message, after JSON-decoding. */
  readonly args: Readonly<Record<string, unknown>>;
  edits: number;
  deleted: boolean;
  /** The ts of the latest edit (`edited.ts`). */
  editedTs?: string;
  /** A bot post's custom name and picture (chat:write.customize). */
  readonly username?: string;
  readonly iconUrl?: string;
  /** Files a member shared, as Slack describes them in the message. */
  readonly files?: readonly Record<string, unknown>[];
  /** Who reacted with what (reactions.ts). */
  reactions?: StoredReaction[];
}

export interface EphemeralMessage {
  readonly channel: string;
  readonly user: string;
  readonly ts: string;
  readonly teamId: string;
  readonly text: string;
  readonly blocks: unknown[] | undefined;
}

export interface StoredView {
  readonly id: string;
  readonly teamId: string;
  /** The user the modal was opened for or the Home tab published to. */
  readonly userId: string | undefined;
  /** The view object as Slack returns it (`views.*` responses and payloads). */
  view: Record<string, unknown>;
  hash: string;
  updates: number;
}

export interface TriggerGrant {
  readonly id: string;
  readonly teamId: string;
  readonly userId: string;
  readonly issuedAt: number;
  used: boolean;
}

export interface ResponsePost {
  readonly responseUrl: string;
  readonly body: Record<string, unknown>;
  /** 1-based use count of this response_url when the post arrived. */
  readonly use: number;
  readonly status: number;
}

export interface ResponseUrlGrant {
  readonly id: string;
  readonly url: string;
  readonly teamId: string;
  readonly channelId: string | undefined;
  /** The message a block_actions response_url belongs to (replace_original/delete_original apply to it). */
  readonly messageTs: string | undefined;
  readonly issuedAt: number;
  uses: number;
}

export interface OAuthGrant {
  readonly code: string;
  readonly teamId: string;
  readonly scopes: readonly string[];
  readonly redirectUri: string | undefined;
  used: boolean;
}

type TokenKind = 'bot' | 'user';

export interface TokenOwner {
  readonly kind: TokenKind;
  readonly workspace: Workspace;
}

/** Deterministic id counters: the same test run produces the same ids. */
class IdSource {
  private readonly next = new Map<string, number>();
  take(prefix: string, width = 4): string {
    const n = (this.next.get(prefix) ?? 0) + 1;
    this.next.set(prefix, n);
    return `${prefix}${String(n).padStart(width, '0')}`;
  }
}

export const DEFAULT_BOT_SCOPES: readonly string[] = [
  'app_mentions:read',
  'channels:read',
  'chat:write',
  'commands',
  'im:write',
  'users:read',
];

export class SlackState {
  readonly workspaces = new Map<string, Workspace>();
  readonly channels = new Map<string, Channel>();
  readonly users = new Map<string, User>();
  readonly messages: StoredMessage[] = [];
  /** Files members shared and the bot uploaded, by id (files-api.ts). */
  readonly files = new Map<string, StoredFile>();
  readonly ephemeral: EphemeralMessage[] = [];
  readonly views = new Map<string, StoredView>();
  readonly triggers = new Map<string, TriggerGrant>();
  readonly responseUrls = new Map<string, ResponseUrlGrant>();
  readonly responsePosts: ResponsePost[] = [];
  readonly oauthCodes = new Map<string, OAuthGrant>();
  private readonly ids = new IdSource();
  private lastTsMicros = 0;

  constructor(readonly now: () => number = Date.now) {}

  addWorkspace(input: WorkspaceInput): Workspace {
    if (this.workspaces.has(input.teamId)) throw new Error(`workspace ${input.teamId} exists already`);
    const core = input.teamId.replace(/^T/, '');
    const seed = input.seed ?? true;
    const generalChannelId = seed ? this.ids.take('C') : undefined;
    const randomChannelId = seed ? this.ids.take('C') : undefined;
    const installerUserId = this.ids.take('U');
    const workspace: Workspace = {
      teamId: input.teamId,
      teamName: input.teamName ?? `Team ${input.teamId}`,
      domain: input.domain ?? `team-${core.toLowerCase()}`,
      botToken: input.botToken ?? `xoxb-${input.teamId}-bot`,
      botUserId: input.botUserId ?? `U${core}BOT`,
      botId: input.botId ?? `B${core}`,
      botName: input.botName ?? 'twinbridge',
      installerUserId,
      userToken: input.userToken ?? `xoxp-${input.teamId}-${installerUserId}`,
      scopes: input.scopes ?? DEFAULT_BOT_SCOPES,
      installed: input.installed ?? true,
      generalChannelId,
      randomChannelId,
      defaultUserId: installerUserId,
    };
    this.workspaces.set(workspace.teamId, workspace);
    this.addUser({ id: workspace.botUserId, teamId: workspace.teamId, name: workspace.botName, isBot: true });
    // The one who installed the app owns the workspace, as in a town hall's own Slack.
    this.addUser({
      id: installerUserId,
      teamId: workspace.teamId,
      name: 'alice',
      realName: 'Alice Example',
      isOwner: true,
    });
    if (generalChannelId !== undefined && randomChannelId !== undefined) {
      this.addChannel({ id: generalChannelId, teamId: workspace.teamId, name: 'general' });
      this.addChannel({ id: randomChannelId, teamId: workspace.teamId, name: 'random', botIsMember: false });
    }
    return workspace;
  }

  addChannel(input: ChannelInput & { teamId: string }): Channel {
    const id = input.id ?? this.ids.take(input.isPrivate === true ? 'G' : 'C');
    const channel: Channel = {
      id,
      teamId: input.teamId,
      name: input.name,
      isIm: false,
      isPrivate: input.isPrivate ?? false,
      botIsMember: input.botIsMember ?? true,
      imUserId: undefined,
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(id, channel);
    return channel;
  }

  addUser(input: UserInput & { teamId: string }): User {
    const user: User = {
      id: input.id ?? this.ids.take('U'),
      teamId: input.teamId,
      name: input.name,
      realName: input.realName ?? input.name,
      isBot: input.isBot ?? false,
      tz: input.tz ?? 'Europe/Berlin',
      email: input.email,
      isAdmin: input.isAdmin ?? false,
      isOwner: input.isOwner ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** The DM channel between the bot and a user, created on first use like Slack does. */
  imFor(teamId: string, userId: string): Channel {
    for (const channel of this.channels.values()) {
      if (channel.isIm && channel.teamId === teamId && channel.imUserId === userId) return channel;
    }
    const channel: Channel = {
      id: this.ids.take('D'),
      teamId,
      name: userId,
      isIm: true,
      isPrivate: true,
      botIsMember: true,
      imUserId: userId,
      created: Math.floor(this.now() / 1000),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  tokenOwner(token: string): TokenOwner | undefined {
    for (const workspace of this.workspaces.values()) {
      if (workspace.botToken === token) return { kind: 'bot', workspace };
      if (workspace.userToken === token) return { kind: 'user', workspace };
    }
    return undefined;
  }

  /** Message timestamps are unique and increasing, as Slack's are within a channel. */
  nextTs(): string {
    const micros = Math.max(this.now() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  newId(prefix: string, width = 4): string {
    return this.ids.take(prefix, width);
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);
  }
}
