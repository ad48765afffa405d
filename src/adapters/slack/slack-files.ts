/**
 * Files on Slack for the relay (docs/RELAY.md, "Attachments").
 *
 * Read (SlackAttachmentSource): a member's file is described by files.info (files:read) with
 * its workspace's token, and its `url_private_download` opened with that token as
 * `Authorization: Bearer`: only that workspace's bot can read it. Deleted or unknown: 'gone'.
 *
 * Written (SlackFileShares): the files of a copy are uploaded right after the copy is posted,
 * in the same place (its thread when it is a reply), by Slack's external upload: for each file
 * files.getUploadURLExternal (files:write) and a POST of its bytes to the URL given, then one
 * files.completeUploadExternal with `channel_id` (and `thread_ts`) for all of them: one message
 * of the bot with the files. Not the WebClient's filesUploadV2, which does the same steps but
 * cannot be asked whether an earlier attempt shared them already.
 *
 * Once. files.completeUploadExternal takes no idempotency key. An attempt whose copy was posted
 * by an earlier one (the copy found in the ledger, or by its metadata) first looks after the
 * copy, in the channel's history or the thread's replies, for the bot's message with files of
 * the same names, and shares only when there is none. While Slack cannot answer that lookup the
 * attempt ends retryable. What remains: Slack processes uploads asynchronously, so a file
 * shared but not shown yet when the lookup runs is shared a second time.
 *
 * Removed with the copy. The uploaded files' ids are recorded with the copy's post (SlackPost);
 * removing the copy deletes them too (files.delete, the bot's own files), so a message removed
 * everywhere leaves no file behind.
 */
import type { webApi } from '@slack/bolt';
import type { Logger, PostResult } from '../../core/ports.ts';
import type {
  AttachmentOrigin,
  AttachmentSource,
  FileDownload,
  FileUpload,
} from '../../core/relay/attachment-files.ts';
import { downloadBounded } from '../shared/bounded-download.ts';
import type { WorkspaceClients } from './slack-ports.ts';

type WebClient = webApi.WebClient;

/** Slack's own answers that the file is not there any more. */
const GONE = new Set(['file_not_found', 'file_deleted']);

export class SlackAttachmentSource implements AttachmentSource {
  readonly platform = 'SLACK' as const;

  constructor(private readonly workspaces: WorkspaceClients) {}

  async download(origin: AttachmentOrigin, maxBytes: number, signal: AbortSignal): Promise<FileDownload> {
    const client = await this.workspaces.clientFor(origin.communityExternalId);
    if ('unavailable' in client) return { ok: false, why: 'unreachable' };
    let url: string | undefined;
    try {
      const { file } = await client.files.info({ file: origin.fileId });
      if ((file?.size ?? 0) > maxBytes) return { ok: false, why: 'too-large' };
      url = file?.url_private_download ?? file?.url_private;
    } catch (error) {
      const code = (error as { data?: { error?: unknown } }).data?.error;
      return { ok: false, why: typeof code === 'string' && GONE.has(code) ? 'gone' : 'unreachable' };
    }
    if (!url) return { ok: false, why: 'gone' };
    const read = await downloadBounded(
      url,
      { headers: { Authorization: `Bearer ${client.token}` }, signal },
      maxBytes,
    );
    // Refused with the workspace's own token: files:read is missing, which retrying will not mend.
    return read.ok || read.why !== 'refused' ? read : { ok: false, why: 'unreachable' };
  }
}

/** Where a copy went, so its files follow it. */
export interface CopyPlace {
  channelId: string;
  threadTs: string | undefined;
  /** The copy's ts: its files come after it. */
  copyTs: string;
  /** The copy was posted by an earlier attempt, which may have shared the files too. */
  earlierAttempt: boolean;
}

type Failed = Extract<PostResult, { ok: false }>;

export class SlackFileShares {
  constructor(
    private readonly classify: (error: unknown) => Failed,
    private readonly logger: Logger,
  ) {}

  /**
   * Uploads and shares the files after their copy; undefined when done, else why not. The
   * uploaded files are told to `uploaded` before they are shared, so removing the copy removes
   * them even when the answer to sharing was lost.
   */
  async share(
    client: WebClient,
    place: CopyPlace,
    uploads: readonly FileUpload[],
    uploaded: (fileIds: string[]) => Promise<void>,
  ): Promise<Failed | undefined> {
    try {
      if (place.earlierAttempt && (await this.sharedAlready(client, place, uploads))) return undefined;
      const files: { id: string; title: string }[] = [];
      for (const upload of uploads) {
        const target = await client.files.getUploadURLExternal({
          filename: upload.name,
          length: upload.data.length,
        });
        if (!target.upload_url || !target.file_id)
          return { ok: false, retryable: true, reason: 'Slack gave no upload URL' };
        const sent = await fetch(target.upload_url, { method: 'POST', body: upload.data });
        await sent.body?.cancel().catch(() => undefined);
        if (!sent.ok) return { ok: false, retryable: true, reason: `file upload: HTTP ${sent.status}` };
        files.push({ id: target.file_id, title: upload.name });
      }
      const [first, ...rest] = files;
      if (!first) return undefined;
      await uploaded(files.map((file) => file.id));
      await client.files.completeUploadExternal({
        files: [first, ...rest],
        channel_id: place.channelId,
        ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      });
      return undefined;
    } catch (error) {
      const failed = this.classify(error);
      // Refused for good (a workspace that disallows uploads): the copy stands without them.
      if (!failed.retryable && !failed.channelBroken) {
        this.logger.warn(
          { channel: place.channelId, reason: failed.reason },
          'Slack refused a relayed file; the copy is posted without it',
        );
        return undefined;
      }
      return { ...failed, reason: `files: ${failed.reason}` };
    }
  }

  /** Deletes files the bot uploaded; one deleted already (or never shared) is what was asked. */
  async remove(client: WebClient, fileIds: readonly string[]): Promise<Failed | undefined> {
    try {
      for (const file of fileIds) {
        await client.files.delete({ file }).catch((error: unknown) => {
          const code = (error as { data?: { error?: unknown } }).data?.error;
          if (typeof code === 'string' && GONE.has(code)) return;
          throw error;
        });
      }
      return undefined;
    } catch (error) {
      const failed = this.classify(error);
      return { ...failed, reason: `files: ${failed.reason}` };
    }
  }

  /** The bot's message with files of these names after the copy, in its channel or thread. */
  private async sharedAlready(
    client: WebClient,
    place: CopyPlace,
    uploads: readonly FileUpload[],
  ): Promise<boolean> {
    const window = { channel: place.channelId, oldest: place.copyTs, limit: 100 };
    const answer = place.threadTs
      ? await client.conversations.replies({ ...window, ts: place.threadTs })
      : await client.conversations.history(window);
    const names = uploads.map((upload) => upload.name).join('\n');
    return (answer.messages ?? []).some(
      (m) => m.bot_id !== undefined && (m.files ?? []).map((file) => file.name).join('\n') === names,
    );
  }
}
