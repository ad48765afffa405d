// Files in the Slack emulator (test/emulators/slack/files-api.ts) through the real WebClient:
// a member's file served at url_private_download only with a token of its workspace that has
// files:read, files.info and file_deleted, and the external upload (files.getUploadURLExternal,
// the POST of the bytes, files.completeUploadExternal with channel_id and thread_ts) — as the
// WebClient's own filesUploadV2 drives it too. And the lost_answer fault: carried out, answer lost.

import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackEmulator } from './slack/slack-emulator.ts';

const { WebClient } = webApi;

const SCOPES = ['chat:write', 'channels:history', 'files:read', 'files:write'];

let slack: SlackEmulator | undefined;
afterEach(async () => {
  await slack?.stop();
  slack = undefined;
});

async function started() {
  slack = await SlackEmulator.start({
    workspaces: [
      { teamId: 'T0001', scopes: SCOPES },
      { teamId: 'T0002', scopes: SCOPES },
      { teamId: 'T0003', scopes: ['chat:write'] },
    ],
  });
  const ws = slack.workspace('T0001');
  const client = new WebClient(ws.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  return { slack, ws, client, general: ws.generalChannelId ?? '' };
}

const download = (url: string, token?: string) =>
  fetch(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

describe('files in the Slack emulator', () => {
  it('serves a member’s file to a token of its workspace with files:read, and says when it is deleted', async () => {
    const { slack, ws, client, general } = await started();
    const shared = await slack.members.writes({
      channel: general,
      user: ws.defaultUserId,
      text: 'Plán',
      files: [{ name: 'plan.txt', mimetype: 'text/plain', data: 'Program' }],
    });
    const fileId = String(shared.files?.[0]?.['id']);
    const info = await client.files.info({ file: fileId });
    expect(info.file).toMatchObject({ id: fileId, name: 'plan.txt', mimetype: 'text/plain', size: 7 });
    const url = info.file?.url_private_download ?? '';
    const opened = await download(url, ws.botToken);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('text/plain');
    expect(await opened.text()).toBe('Program');
    // No token, another workspace's token, a token without files:read: Slack's sign-in page.
    expect((await download(url)).status).toBe(403);
    expect((await download(url, slack.workspace('T0002').botToken)).status).toBe(403);
    expect((await download(url, slack.workspace('T0003').botToken)).status).toBe(403);
    expect((await download(String(shared.files?.[0]?.['url_private']), ws.botToken)).status).toBe(200);

    // Not the bot's to delete.
    await expect(client.files.delete({ file: fileId })).rejects.toMatchObject({
      data: { error: 'cant_delete_file' },
    });
    slack.members.deletesFile(fileId);
    await expect(client.files.info({ file: fileId })).rejects.toMatchObject({
      data: { error: 'file_deleted' },
    });
    expect((await download(url, ws.botToken)).status).toBe(404);
    await expect(client.files.info({ file: 'F0NOTHERE' })).rejects.toMatchObject({
      data: { error: 'file_not_found' },
    });
  });

  it('takes an upload in three steps and shares it in the thread asked for, once', async () => {
    const { slack, ws, client, general } = await started();
    const root = await client.chat.postMessage({ channel: general, text: 'Plán' });
    const step1 = await client.files.getUploadURLExternal({ filename: 'plan.png', length: 4 });
    const uploaded = await fetch(step1.upload_url ?? '', { method: 'POST', body: Buffer.from('PNG!') });
    expect(uploaded.status).toBe(200);
    expect(await uploaded.text()).toBe('OK - 4');
    const files: [{ id: string; title: string }] = [{ id: step1.file_id ?? '', title: 'plan.png' }];
    const done = await client.files.completeUploadExternal({
      files,
      channel_id: general,
      thread_ts: root.ts ?? '',
    });
    expect(done.files?.map((f) => f.id)).toEqual([step1.file_id]);
    const shared = slack.messages(general).at(-1);
    expect(shared).toMatchObject({ user: ws.botUserId, threadTs: root.ts });
    const info = await client.files.info({ file: step1.file_id ?? '' });
    expect(info.file?.channels).toEqual([general]);
    expect(info.file?.shares?.public?.[general]?.[0]).toMatchObject({ ts: shared?.ts, thread_ts: root.ts });
    const url = String(shared?.files?.[0]?.['url_private_download']);
    expect(await (await download(url, ws.botToken)).text()).toBe('PNG!');
    // A file is shared once: completing it again is refused.
    await expect(client.files.completeUploadExternal({ files, channel_id: general })).rejects.toMatchObject({
      data: { error: 'file_not_found' },
    });
    // The upload URL takes the bytes once.
    expect((await fetch(step1.upload_url ?? '', { method: 'POST', body: 'again' })).status).toBe(404);
    // The bot deletes its file: gone, and the message that showed only it.
    await client.files.delete({ file: step1.file_id ?? '' });
    expect((await download(url, ws.botToken)).status).toBe(404);
    expect(slack.messages(general).map((m) => m.ts)).toEqual([root.ts]);
    await expect(client.files.delete({ file: step1.file_id ?? '' })).rejects.toMatchObject({
      data: { error: 'file_deleted' },
    });
  });

  it('refuses an upload without files:write and a length of 0, as Slack documents', async () => {
    const { slack } = await started();
    const noFiles = new WebClient(slack.workspace('T0003').botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(noFiles.files.getUploadURLExternal({ filename: 'a.txt', length: 1 })).rejects.toMatchObject({
      data: { error: 'missing_scope', needed: 'files:write' },
    });
    const client = new WebClient(slack.workspace('T0001').botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(client.files.getUploadURLExternal({ filename: 'a.txt', length: 0 })).rejects.toMatchObject({
      data: { error: 'missing_argument' },
    });
  });

  it('serves the WebClient’s own filesUploadV2 (multipart bytes) into a channel', async () => {
    const { slack, client, general } = await started();
    await client.filesUploadV2({ channel_id: general, file: Buffer.from('Ahoj'), filename: 'ahoj.txt' });
    const shared = slack.messages(general).at(-1);
    expect(shared?.files?.map((f) => f['name'])).toEqual(['ahoj.txt']);
  });

  it('carries out a call whose answer it then loses (lost_answer)', async () => {
    const { slack, client, general } = await started();
    slack.failNext('chat.postMessage', { type: 'lost_answer' });
    await expect(client.chat.postMessage({ channel: general, text: 'Ahoj' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 504,
    });
    expect(slack.messages(general).map((m) => m.text)).toEqual(['Ahoj']);
  });
});
