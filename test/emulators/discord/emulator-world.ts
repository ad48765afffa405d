/**
 * The emulator's world and gateway side (discord-emulator.ts is the whole facade): where it
 * listens, the guilds, channels, users and roles tests look up, and the gateway's sessions, drops
 * and counters.
 */
import type {
  GatewayDropOptions,
  GatewayOutage,
  GatewayPayloadRecord,
  GatewayStats,
} from './gateway-types.ts';
import type { GatewayDrop, GuildSummary } from './emulator-options.ts';
import type { EmulatorParts } from './emulator-parts.ts';
import type { ChannelAccess, UserInput } from './state.ts';

export class EmulatorWorld {
  readonly applicationId: string;

  protected constructor(protected readonly parts: EmulatorParts) {
    this.applicationId = parts.applicationId;
  }

  /** For `new Client({ rest: { api } })`: discord.js appends `/v10/...`. */
  get apiUrl(): string {
    return `${this.parts.rest.origin}/api`;
  }

  /** What `GET /gateway/bot` announces. */
  get gatewayUrl(): string {
    return this.parts.gateway.url;
  }

  get botUser(): { readonly id: string; readonly username: string } {
    return { id: this.parts.state.bot.id, username: this.parts.state.bot.username };
  }

  // ---- world ----------------------------------------------------------------

  /** A guild by id or name; default the first. */
  guild(ref?: string): GuildSummary {
    const guild = this.parts.state.requireGuild(ref);
    return {
      id: guild.id,
      name: guild.name,
      preferredLocale: guild.preferredLocale,
      channels: guild.channelIds.flatMap((id) => {
        const c = this.parts.state.channels.get(id);
        return c ? [{ id: c.id, name: c.name ?? '', type: c.type }] : [];
      }),
      roles: guild.roleIds.flatMap((id) => {
        const r = this.parts.state.roles.get(id);
        return r ? [{ id: r.id, name: r.name }] : [];
      }),
      members: [...guild.members.keys()].flatMap((id) => {
        const u = this.parts.state.users.get(id);
        return u ? [{ id: u.id, username: u.username }] : [];
      }),
    };
  }

  guildId(ref?: string): string {
    return this.parts.state.requireGuild(ref).id;
  }

  /** A channel id by name (`general` or `#general`) or id, in a guild (default the first). */
  channelId(ref: string, guild?: string): string {
    return this.parts.state.requireChannel(ref, guild).id;
  }

  userId(ref: string): string {
    return this.parts.state.requireUser(ref).id;
  }

  roleId(name: string, guild?: string): string {
    const g = this.parts.state.requireGuild(guild);
    const role = g.roleIds
      .map((id) => this.parts.state.roles.get(id))
      .find((r) => r?.name === name || r?.id === name);
    if (!role) throw new Error(`Discord emulator: unknown role ${name}`);
    return role.id;
  }

  /** Adds a user outside the guilds (for DMs). */
  addUser(input: UserInput): string {
    return this.parts.state.addUser(input).id;
  }

  /** Moves the attachment CDN's clock on: signed URLs handed out before expire (attachment-cdn.ts). */
  advanceCdnClock(ms: number): void {
    this.parts.messages.cdn.advance(ms);
  }

  /** Changes what the bot may do in a channel from now on. */
  setChannelAccess(channel: string, access: ChannelAccess): void {
    this.parts.state.requireChannel(channel).access = access;
  }

  /** The user blocks (or unblocks) DMs from the bot. */
  setDmsClosed(user: string, closed: boolean): void {
    this.parts.state.requireUser(user).dmsClosed = closed;
  }

  /** The bot's DM channel with a user (created if needed, as the bot's `createDM` would). */
  dmChannelId(user: string): string {
    return this.parts.state.dmChannel(this.parts.state.requireUser(user).id).id;
  }

  // ---- gateway --------------------------------------------------------------

  /** Resolves once a client session is identified and connected. */
  async waitForReady(timeoutMs?: number): Promise<void> {
    await this.parts.waiters.until(
      () => (this.parts.gateway.connectedSessions().length > 0 ? true : undefined),
      'a ready gateway session',
      timeoutMs,
    );
  }

  /** Drops connected sessions (default: close 4000, which discord.js resumes). */
  dropGateway(options: GatewayDropOptions = {}): GatewayDrop {
    const before = this.parts.gateway.stats();
    const dropped = this.parts.gateway.drop(options);
    return {
      dropped,
      reconnected: (timeoutMs?: number) =>
        this.parts.waiters.until(
          () => {
            const now = this.parts.gateway.stats();
            if (this.parts.gateway.connectedSessions().length === 0) return undefined;
            if (now.resumed > before.resumed) return 'resumed' as const;
            if (now.identifies > before.identifies) return 'identified' as const;
            return undefined;
          },
          'the gateway client to reconnect',
          timeoutMs,
        ),
    };
  }

  /** Takes the gateway down (sessions cut, reconnects refused or never answered) or, with undefined, up again. REST stays up. */
  setGatewayOutage(outage: GatewayOutage | undefined): void {
    this.parts.gateway.setUnreachable(outage);
  }

  /** While off, heartbeats go unacknowledged (discord.js then treats the connection as a zombie and resumes). */
  setHeartbeatAcks(on: boolean): void {
    this.parts.gateway.setHeartbeatAcks(on);
  }

  gatewayStats(): GatewayStats {
    return this.parts.gateway.stats();
  }

  /** Resolves with the gateway counters once `predicate` holds for them. */
  waitForGatewayStats(
    predicate: (stats: GatewayStats) => boolean,
    timeoutMs?: number,
  ): Promise<GatewayStats> {
    return this.parts.waiters.until(
      () => {
        const stats = this.parts.gateway.stats();
        return predicate(stats) ? stats : undefined;
      },
      'a gateway condition',
      timeoutMs,
    );
  }

  /** Payloads clients sent: IDENTIFY (intents, shard, properties), heartbeats, RESUME, presence. */
  gatewayPayloads(): readonly GatewayPayloadRecord[] {
    return this.parts.gateway.payloads();
  }

  /** Sends any dispatch event to every live session of its guild's shard. Returns how many got it. */
  dispatch(event: string, data: unknown): number {
    return this.parts.gateway.dispatch(event, data);
  }
}
