// OAuth v2 install with the real Bolt installer against the Slack emulator: install page, authorize, oauth_redirect, state cookie, single-use codes.
// `installerOptions.authorizationUrl` must point at the emulator; the installer calls oauth.v2.access,
// then auth.test (for bot_id) with the new bot token.

import type { AddressInfo } from 'node:net';

import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { App, webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';

import { quietLogger, useSlackEmulator } from './slack-emulator-fixture.ts';

const { WebClient } = webApi;

const rig = useSlackEmulator();

describe('OAuth v2 install with the real Bolt installer', () => {
  it('installs two workspaces through install page, authorize and oauth_redirect', async () => {
    rig.slack.addWorkspace({ teamId: 'T0002', teamName: 'Partnerstadt', installed: false });
    rig.slack.addWorkspace({ teamId: 'T0003', teamName: 'Jumelage', installed: false });
    const installations = new Map<string, Installation>();
    const installationStore: InstallationStore = {
      storeInstallation: async (installation) => {
        installations.set(installation.team?.id ?? '', installation);
        await Promise.resolve();
      },
      fetchInstallation: async (query: InstallationQuery<boolean>) => {
        const found = installations.get(query.teamId ?? '');
        if (found === undefined) throw new Error(`no installation for ${query.teamId ?? '?'}`);
        return Promise.resolve(found);
      },
    };
    const posts: string[] = [];
    const app = new App({
      signingSecret: rig.slack.signingSecret,
      clientId: rig.slack.clientId,
      clientSecret: rig.slack.clientSecret,
      stateSecret: 'emulator-state-secret',
      scopes: ['chat:write', 'commands', 'app_mentions:read'],
      installationStore,
      installerOptions: { authorizationUrl: rig.slack.authorizeUrl, directInstall: true },
      processBeforeResponse: true,
      logger: quietLogger(),
      clientOptions: { slackApiUrl: rig.slack.apiUrl, retryConfig: { retries: 0 } },
    });
    app.event('app_mention', async ({ event, say, context }) => {
      posts.push(context.botToken ?? '');
      await say(`hi from ${event.team ?? '?'}`);
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    rig.track(app);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // The bot token of an uninstalled workspace is not valid yet.
    const web = new WebClient(rig.slack.workspace('T0002').botToken, {
      slackApiUrl: rig.slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(web.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });

    for (const teamId of ['T0002', 'T0003']) {
      const result = await rig.slack.completeOAuthInstall({ installUrl: `${base}/slack/install`, teamId });
      expect(result.status).toBe(200);
    }
    expect([...installations.keys()]).toEqual(['T0002', 'T0003']);
    expect(installations.get('T0003')).toMatchObject({
      team: { id: 'T0003', name: 'Jumelage' },
      enterprise: undefined,
      isEnterpriseInstall: false,
      appId: rig.slack.appId,
      bot: {
        token: rig.slack.workspace('T0003').botToken,
        userId: rig.slack.workspace('T0003').botUserId,
        id: rig.slack.workspace('T0003').botId,
        scopes: ['chat:write', 'commands', 'app_mentions:read'],
      },
    });
    const exchanges = rig.slack.calls('oauth.v2.access');
    expect(exchanges.map((c) => c.status)).toEqual([200, 200]);
    // A code is single-use.
    const replay = await new WebClient(undefined, {
      slackApiUrl: rig.slack.apiUrl,
      retryConfig: { retries: 0 },
    }).oauth.v2
      .access({
        client_id: rig.slack.clientId,
        client_secret: rig.slack.clientSecret,
        code: String(exchanges[0]?.args['code']),
      })
      .catch((e: unknown) => e);
    expect(replay).toMatchObject({ data: { error: 'invalid_code' } });

    // Events from the second workspace are answered with that workspace's token.
    const delivery = await rig.slack
      .http(`${base}/slack/events`)
      .appMention({ teamId: 'T0003', text: 'hello' });
    expect(delivery.status).toBe(200);
    expect(posts).toEqual([rig.slack.workspace('T0003').botToken]);
    const [post] = rig.slack.calls('chat.postMessage');
    expect(post).toMatchObject({
      teamId: 'T0003',
      token: rig.slack.workspace('T0003').botToken,
      status: 200,
    });
    expect(rig.slack.messages(rig.slack.workspace('T0003').generalChannelId)).toMatchObject([
      { text: 'hi from T0003' },
    ]);
  });

  it('follows the default landing page link and refuses a callback without the state cookie', async () => {
    rig.slack.addWorkspace({ teamId: 'T0004', installed: false });
    const stored: Installation[] = [];
    const app = new App({
      signingSecret: rig.slack.signingSecret,
      clientId: rig.slack.clientId,
      clientSecret: rig.slack.clientSecret,
      stateSecret: 'emulator-state-secret',
      scopes: ['chat:write'],
      installationStore: {
        storeInstallation: async (i) => {
          stored.push(i);
          await Promise.resolve();
        },
        fetchInstallation: () => Promise.reject(new Error('unused')),
      },
      installerOptions: { authorizationUrl: rig.slack.authorizeUrl },
      logger: quietLogger(),
      clientOptions: { slackApiUrl: rig.slack.apiUrl, retryConfig: { retries: 0 } },
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    rig.track(app);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const forged = await fetch(
      `${base}/slack/oauth_redirect?code=${rig.slack.issueOAuthCode('T0004')}&state=forged`,
    );
    expect(forged.status).not.toBe(200);
    expect(rig.slack.callCount('oauth.v2.access')).toBe(0);

    const result = await rig.slack.completeOAuthInstall({
      installUrl: `${base}/slack/install`,
      teamId: 'T0004',
    });
    expect(result.status).toBe(200);
    expect(stored).toMatchObject([{ team: { id: 'T0004' }, bot: { scopes: ['chat:write'] } }]);
  });

  it('exchanges a hand-issued code when the callback is called directly', async () => {
    rig.slack.addWorkspace({ teamId: 'T0009', installed: false });
    const stored: Installation[] = [];
    const app = new App({
      signingSecret: rig.slack.signingSecret,
      clientId: rig.slack.clientId,
      clientSecret: rig.slack.clientSecret,
      scopes: ['chat:write'],
      installationStore: {
        storeInstallation: async (i) => {
          stored.push(i);
          await Promise.resolve();
        },
        fetchInstallation: () => Promise.reject(new Error('unused')),
      },
      installerOptions: { stateVerification: false },
      logger: quietLogger(),
      clientOptions: { slackApiUrl: rig.slack.apiUrl, retryConfig: { retries: 0 } },
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    rig.track(app);
    const code = rig.slack.issueOAuthCode('T0009');
    const res = await fetch(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/oauth_redirect?code=${code}`,
    );
    expect(res.status).toBe(200);
    expect(stored).toMatchObject([
      { team: { id: 'T0009' }, bot: { token: rig.slack.workspace('T0009').botToken } },
    ]);
  });
});
