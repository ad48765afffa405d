/**
 * The Slack emulator's addresses and world (slack-emulator.ts is the whole facade): the URLs a Bolt
 * App is pointed at, and the workspaces, channels, users and custom emoji a test adds or looks up.
 */

import type { EmulatorParts } from './emulator-parts.ts';
import type { Channel, ChannelInput, User, UserInput, Workspace, WorkspaceInput } from './state.ts';

export class EmulatorWorld {
  protected constructor(protected readonly parts: EmulatorParts) {}

  /** `http://127.0.0.1:PORT` */
  get url(): string {
    return this.parts.url();
  }

  /** For `clientOptions.slackApiUrl`; ends with `/api/`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** For `installerOptions.authorizationUrl`. */
  get authorizeUrl(): string {
    return `${this.url}/oauth/v2/authorize`;
  }

  // ---------- workspace data ----------

  /** A workspace by team id; the first (default) one without an argument. */
  workspace(teamId?: string): Workspace {
    return this.parts.interactions.workspaceOf(teamId);
  }

  addWorkspace(input: WorkspaceInput): Workspace {
    return this.parts.state.addWorkspace(input);
  }

  /** A custom emoji a workspace uploaded: reactions may use its name there. */
  addCustomEmoji(teamId: string, name: string): void {
    this.parts.customEmoji.add(teamId, name);
  }

  /** Who reacted with what to a message, as Slack shows it (reactions.get). */
  reactionsOn(channelId: string, ts: string): { name: string; users: string[] }[] {
    return (this.parts.state.findMessage(channelId, ts)?.reactions ?? []).map((r) => ({
      name: r.name,
      users: [...r.users],
    }));
  }

  addChannel(input: ChannelInput): Channel {
    return this.parts.state.addChannel({ ...input, teamId: input.teamId ?? this.workspace().teamId });
  }

  addUser(input: UserInput): User {
    return this.parts.state.addUser({ ...input, teamId: input.teamId ?? this.workspace().teamId });
  }

  channel(id: string): Channel | undefined {
    return this.parts.state.channels.get(id);
  }

  /** The bot's DM channel with a user (created on first use, as conversations.open does). */
  dmChannel(userId: string, teamId?: string): Channel {
    return this.parts.state.imFor(this.workspace(teamId).teamId, userId);
  }
}
