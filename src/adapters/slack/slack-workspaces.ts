/**
 * Which bot token speaks for which Slack workspace: the one configured token (single workspace;
 * which workspace it belongs to is learnt when the connection starts), or the installation stored
 * when a workspace added the app through OAuth.
 */
import { webApi, type Installation } from '@slack/bolt';
import type { SlackInstallationStore, WorkspaceClient, WorkspaceClients } from './slack-ports.ts';

type WebClient = webApi.WebClient;
type WebClientOptions = webApi.WebClientOptions;

export type TokenSource =
  { kind: 'single'; botToken: string } | { kind: 'oauth'; store: SlackInstallationStore };

/** How long a looked-up installation is trusted before the database is asked again. */
const INSTALLATION_TTL_MS = 5 * 60 * 1000;

export class SlackWorkspaces implements WorkspaceClients {
  private readonly clients = new Map<string, WebClient>();
  private readonly installations = new Map<string, { installation: Installation; until: number }>();
  /** Single workspace: the team the token belongs to, once auth.test told. */
  private singleTeamId: string | undefined;

  constructor(
    private readonly source: TokenSource,
    /** For posting: no retries inside the client (the poster decides), 429s as errors. */
    private readonly clientOptions: WebClientOptions,
  ) {}

  /** Single workspace: the bot token belongs to this team (from auth.test at start). */
  tokenBelongsTo(teamId: string): void {
    this.singleTeamId = teamId;
  }

  async clientFor(teamId: string): Promise<WorkspaceClient> {
    if (this.source.kind === 'single' && this.singleTeamId === undefined) {
      return { unavailable: 'Slack is not connected yet', retryable: true };
    }
    const token = await this.botToken(teamId);
    if (!token) {
      return {
        unavailable:
          this.source.kind === 'single'
            ? `Slack workspace ${teamId} is not the one this bot's token belongs to (${this.singleTeamId})`
            : `Twinbridge is not installed in Slack workspace ${teamId}`,
        retryable: false,
      };
    }
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.clientOptions);
      this.clients.set(token, client);
    }
    return client;
  }

  async installerOf(teamId: string): Promise<string | undefined> {
    if (this.source.kind === 'single') return undefined;
    return (await this.installation(teamId))?.user.id;
  }

  async uninstalled(workspace: { teamId: string; enterpriseId?: string | undefined }): Promise<void> {
    this.installations.delete(workspace.teamId);
    if (this.source.kind !== 'oauth') return;
    await this.source.store.deleteInstallation({
      teamId: workspace.teamId,
      enterpriseId: workspace.enterpriseId,
      isEnterpriseInstall: false,
    });
  }

  private async botToken(teamId: string): Promise<string | undefined> {
    if (this.source.kind === 'single') {
      return teamId === this.singleTeamId ? this.source.botToken : undefined;
    }
    return (await this.installation(teamId))?.bot?.token;
  }

  private async installation(teamId: string): Promise<Installation | null> {
    if (this.source.kind !== 'oauth') return null;
    const cached = this.installations.get(teamId);
    const now = Date.now();
    if (cached && cached.until > now) return cached.installation;
    // Not cached when missing: a workspace that installs the app a moment later works at once.
    const installation = await this.source.store.find({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    if (installation) this.installations.set(teamId, { installation, until: now + INSTALLATION_TTL_MS });
    return installation;
  }
}
