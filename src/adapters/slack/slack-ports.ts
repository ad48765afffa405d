/**
 * What the Slack adapter needs from outside its folder: the three things it keeps in the
 * database (installations, ids of events already handled, what was posted per delivery) and the
 * bot clients per workspace. src/db/repositories/slack-repositories.ts implements the stores on
 * Prisma; tests may hand in their own.
 */
import type { Installation, InstallationQuery, InstallationStore, webApi } from '@slack/bolt';

/** OAuth installations of the app, one per workspace (or per org for org-wide installs). */
export interface SlackInstallationStore extends InstallationStore {
  /** Like fetchInstallation, but null instead of an error when there is none. */
  find(query: InstallationQuery<boolean>): Promise<Installation | null>;
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  count(): Promise<number>;
}

/**
 * Events API event ids already handled, so an event Slack re-delivers (up to three times within
 * about an hour when it saw no acknowledgement) is handled once, also after a restart.
 */
export interface SlackEventLedger {
  /** True for the first delivery of an event id; false for every repeat. */
  firstDelivery(eventId: string, teamId: string): Promise<boolean>;
}

export type PostRecord =
  | { state: 'posted'; channelId: string; ts: string }
  /** An attempt began at `since` and nobody learned how it ended. */
  | { state: 'uncertain'; channelId: string; since: Date }
  | { state: 'not-posted' };

/** What was posted per outbox delivery: the ts once known, or that an attempt's outcome is unknown. */
export interface SlackPostLedger {
  find(deliveryId: string): Promise<PostRecord>;
  /** Written before the API call: if the process dies during it, the next attempt looks first. */
  begin(deliveryId: string, teamId: string, channelId: string, at: Date): Promise<void>;
  posted(deliveryId: string, channelId: string, ts: string): Promise<void>;
  /** Slack said for certain that nothing was posted (rate limit, platform error). */
  notPosted(deliveryId: string): Promise<void>;
  /** Files uploaded to follow the delivery's copy, recorded before they are shared (slack-files.ts). */
  filesUploaded(deliveryId: string, fileIds: readonly string[]): Promise<void>;
  /** The files uploaded after the bot's message `ts` in a channel, to remove with it. */
  filesAfter(channelId: string, ts: string): Promise<string[]>;
}

/** Everything the Slack adapter stores, as main.ts hands it over. */
export interface SlackStores {
  installations: SlackInstallationStore;
  events: SlackEventLedger;
  posts: SlackPostLedger;
}

/** A workspace's bot client, or why there is none (retryable: not connected yet). */
export type WorkspaceClient = webApi.WebClient | { unavailable: string; retryable: boolean };

/** Which bot token speaks for which workspace. */
export interface WorkspaceClients {
  clientFor(teamId: string): Promise<WorkspaceClient>;
  /** The user who installed the app in the workspace (OAuth installs), if known. */
  installerOf(teamId: string): Promise<string | undefined>;
  /** The app was uninstalled from a workspace (or its bot token revoked): its token goes. */
  uninstalled(workspace: { teamId: string; enterpriseId?: string | undefined }): Promise<void>;
}
