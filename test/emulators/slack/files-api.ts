// Files in the Slack emulator (docs.slack.dev/reference/methods/files.info,
// files.getUploadURLExternal, files.completeUploadExternal; …/messaging/working-with-files):
//
//   - A member's shared file is kept with its bytes and served at `url_private` and
//     `url_private_download`, which open only with a token of the file's workspace
//     (`Authorization: Bearer`) that has files:read, as on Slack.
//   - files.info (files:read) describes it; a deleted one answers `file_deleted`, an unknown
//     one `file_not_found`.
//   - An upload is three steps: files.getUploadURLExternal (files:write; `filename`, `length`)
//     gives an `upload_url` and a `file_id`; a POST of the bytes (raw, or multipart) to that URL
//     answers 200 `OK - <length>`; files.completeUploadExternal (files:write; `files` as
//     `[{ id, title }]`, `channel_id`, `thread_ts`, `initial_comment`) shares it: the bot's
//     message with the file appears in the channel (or thread). A file completed already, or
//     never uploaded, is `file_not_found`.
//   - files.delete (files:write) removes a file the bot uploaded (`cant_delete_file` for
//     another's), and the bot's message that showed only it.

import type { Handler, Json, WebApiEnv } from './web-api.ts';
import { botPosts } from './message-api.ts';
import type { Workspace } from './state.ts';
import {
  ApiError,
  messageJson,
  optionalString,
  requiredString,
  requirePostable,
  requireWorkspace,
  resolveChannel,
} from './web-api.ts';

export interface StoredFile {
  readonly id: string;
  readonly teamId: string;
  readonly user: string;
  name: string;
  title: string;
  mimetype: string;
  /** The length announced when the upload began (files.getUploadURLExternal), else the bytes'. */
  size: number;
  data: Buffer | undefined;
  /** The secret part of its upload URL, until the bytes arrived. */
  readonly uploadKey: string | undefined;
  completed: boolean;
  deleted: boolean;
  /** Where it was shared: the messages that show it, per channel. */
  readonly shares: { channel: string; isPrivate: boolean; ts: string; threadTs: string | undefined }[];
}

function needsScope(ws: Workspace, scope: string): void {
  if (!ws.scopes.includes(scope)) throw new ApiError('missing_scope', { needed: scope });
}

/** How Slack describes a file in messages and files.info. */
export function fileJson(env: WebApiEnv, file: StoredFile): Json {
  const base = env.baseUrl?.() ?? 'https://files.slack.test';
  const path = `${file.teamId}-${file.id}`;
  const name = encodeURIComponent(file.name);
  return {
    id: file.id,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    size: file.size,
    user: file.user,
    url_private: `${base}/files-pri/${path}/${name}`,
    url_private_download: `${base}/files-pri/${path}/download/${name}`,
    permalink: `${base}/files/${file.user}/${file.id}/${name}`,
    ...sharesJson(file),
  };
}

/** `channels`, `groups` and `shares` as files.info lists where a file was shared. */
function sharesJson(file: StoredFile): Json {
  if (file.shares.length === 0) return {};
  const shares: Record<'public' | 'private', Record<string, Json[]>> = { public: {}, private: {} };
  for (const share of file.shares) {
    const kind = share.isPrivate ? 'private' : 'public';
    (shares[kind][share.channel] ??= []).push({
      ts: share.ts,
      ...(share.threadTs ? { thread_ts: share.threadTs } : {}),
    });
  }
  return {
    channels: Object.keys(shares.public),
    groups: Object.keys(shares.private),
    shares: Object.fromEntries(
      Object.entries(shares).filter(([, byChannel]) => Object.keys(byChannel).length > 0),
    ),
  };
}

/** The file a `/files-pri/{team}-{id}/…` path names. */
export function fileAtPath(env: WebApiEnv, pathname: string): StoredFile | undefined {
  const match = /^\/files-pri\/(T[A-Z0-9]+)-(F[A-Z0-9]+)\//.exec(pathname);
  const file = match ? env.state.files.get(match[2] ?? '') : undefined;
  return file && file.teamId === match?.[1] ? file : undefined;
}

/**
 * What a GET of a file's private URL answers: its bytes for a token of its workspace with
 * files:read; 404 for a deleted or unknown file; otherwise 403 (Slack sends a login page).
 */
export function servePrivateFile(
  env: WebApiEnv,
  pathname: string,
  authorization: string | undefined,
): { status: number; contentType: string; body: Buffer | string } {
  const file = fileAtPath(env, pathname);
  if (!file || file.deleted || !file.data)
    return { status: 404, contentType: 'text/plain', body: 'not found' };
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const owner = token === undefined ? undefined : env.state.tokenOwner(token);
  if (!owner || owner.workspace.teamId !== file.teamId || !owner.workspace.scopes.includes('files:read')) {
    return { status: 403, contentType: 'text/html', body: '<html>Sign in to Slack</html>' };
  }
  return { status: 200, contentType: file.mimetype, body: file.data };
}

/** Takes the bytes POSTed to an upload URL; false when the URL is not one handed out (or used). */
export function receiveUpload(env: WebApiEnv, uploadKey: string, data: Buffer): boolean {
  const file = [...env.state.files.values()].find((f) => f.uploadKey === uploadKey && f.data === undefined);
  if (!file) return false;
  file.data = data;
  return true;
}

function uploadFiles(call: { args: Readonly<Json> }): { id: string; title?: string }[] {
  const files = call.args['files'];
  if (!Array.isArray(files) || files.length === 0) throw new ApiError('invalid_arguments');
  return files.map((entry) => {
    const id = typeof entry === 'object' && entry !== null ? (entry as Json)['id'] : undefined;
    if (typeof id !== 'string') throw new ApiError('invalid_arguments');
    const title = (entry as Json)['title'];
    return { id, ...(typeof title === 'string' ? { title } : {}) };
  });
}

export const FILE_HANDLERS: Record<string, Handler> = {
  // The bot may delete the files it uploaded; a message left with no text and only deleted files goes too.
  'files.delete': (env, call) => {
    const ws = requireWorkspace(env, call);
    needsScope(ws, 'files:write');
    const file = env.state.files.get(requiredString(call.args, 'file', 'file_not_found'));
    if (!file || file.teamId !== ws.teamId) throw new ApiError('file_not_found');
    if (file.deleted) throw new ApiError('file_deleted');
    if (file.user !== ws.botUserId) throw new ApiError('cant_delete_file');
    file.deleted = true;
    for (const share of file.shares) {
      const message = env.state.findMessage(share.channel, share.ts);
      const others = (message?.files ?? []).some((f) => !env.state.files.get(String(f['id']))?.deleted);
      if (!message || message.deleted || others || message.text !== '') continue;
      const previous = messageJson(env, message);
      message.deleted = true;
      env.messageChanged?.({ kind: 'deleted', message, previous });
    }
    return {};
  },

  'files.info': (env, call) => {
    const ws = requireWorkspace(env, call);
    needsScope(ws, 'files:read');
    const file = env.state.files.get(requiredString(call.args, 'file', 'file_not_found'));
    if (!file || file.teamId !== ws.teamId || !file.completed) throw new ApiError('file_not_found');
    if (file.deleted) throw new ApiError('file_deleted');
    return { file: fileJson(env, file) };
  },

  'files.getUploadURLExternal': (env, call) => {
    const ws = requireWorkspace(env, call);
    needsScope(ws, 'files:write');
    const filename = requiredString(call.args, 'filename');
    const length = Number(requiredString(call.args, 'length'));
    // "Typically only occurs when the length provided is 0."
    if (!Number.isInteger(length) || length <= 0) throw new ApiError('missing_argument');
    const id = env.state.newId('F', 8);
    const uploadKey = env.state.newId('U', 12);
    env.state.files.set(id, {
      id,
      teamId: ws.teamId,
      user: ws.botUserId,
      name: filename,
      title: filename,
      mimetype: 'application/octet-stream',
      size: length,
      data: undefined,
      uploadKey,
      completed: false,
      deleted: false,
      shares: [],
    });
    const base = env.baseUrl?.() ?? 'https://files.slack.test';
    return { upload_url: `${base}/upload/v1/${uploadKey}`, file_id: id };
  },

  'files.completeUploadExternal': (env, call) => {
    const ws = requireWorkspace(env, call);
    needsScope(ws, 'files:write');
    const entries = uploadFiles(call);
    const files = entries.map(({ id, title }) => {
      const file = env.state.files.get(id);
      if (!file || file.teamId !== ws.teamId || file.completed || !file.data)
        throw new ApiError('file_not_found');
      if (title !== undefined) file.title = title;
      return file;
    });
    for (const file of files) file.completed = true;
    const channelId = optionalString(call.args, 'channel_id');
    if (channelId !== undefined) {
      const channel = resolveChannel(env, ws, channelId);
      requirePostable(ws, channel);
      const message = botPosts(env, ws, channel, call.args, {
        text: optionalString(call.args, 'initial_comment') ?? '',
        blocks: undefined,
        files: files.map((file) => fileJson(env, file)),
      });
      for (const file of files) {
        file.shares.push({
          channel: channel.id,
          isPrivate: channel.isPrivate,
          ts: message.ts,
          threadTs: message.threadTs,
        });
      }
    }
    return { files: files.map((file) => ({ id: file.id, title: file.title })) };
  },
};
