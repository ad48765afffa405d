/**
 * Which bot token speaks for which Slack workspace: the one configured token (single workspace),
 * or the installation stored when a workspace added the app through OAuth.
 */
import { webApi, type Installation } from '@slack/bolt';
import type { WorkspaceClients } from './slack-poster.ts';
import type { PrismaSlackInstallationStore } from './slack-stores.ts';

type WebClient = webApi.WebClient;
type WebClientOptions = webApi.WebClientOptions;

export type TokenSource =
  | { kind: 'single'; teamId: string; botToken: string }
  | { kind: 'oauth'; store: PrismaSlackInstallationStore };

/** How long a looked-up installation is trusted before the database is asked again. */
const INSTALLATION_TTL_MS = 5 * 60 * 1000;

export class SlackWorkspaces implements WorkspaceClients {
  private readonly clients = new Map<string, WebClient>();
  private readonly installations = new Map<string, { installation: Installation; until: number }>();

  constructor(
    private readonly source: TokenSource,
    /** For posting: no retries inside the client (the poster decides), 429s as errors. */
    private readonly clientOptions: WebClientOptions,
  ) {}

  async clientFor(teamId: string): Promise<WebClient | { missing: string }> {
    const token = await this.botToken(teamId);
    if (!token) {
      return {
        missing:
          this.source.kind === 'single'
            ? `Slack workspace ${teamId} is not the one this bot's token belongs to (${this.source.teamId})`
            : `Twinbridge is not installed in Slack workspace ${teamId}`,
      };
    }
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, this.clientOptions);
      this.clients.set(token, client);
    }
    return client;
  }

  async botToken(teamId: string): Promise<string | undefined> {
    if (this.source.kind === 'single') {
      return teamId === this.source.teamId ? this.source.botToken : undefined;
    }
    const cached = this.installations.get(teamId);
    const now = Date.now();
    if (cached && cached.until > now) return cached.installation.bot?.token;
    // Not cached when missing: a workspace that installs the app a moment later works at once.
    const installation = await this.source.store.find({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    if (installation) this.installations.set(teamId, { installation, until: now + INSTALLATION_TTL_MS });
    return installation?.bot?.token;
  }

  /** After an uninstall or a new installation: ask the database next time. */
  forget(teamId: string): void {
    this.installations.delete(teamId);
  }
}
