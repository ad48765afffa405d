/** The Slack section of the configuration: which mode, which credentials, and clear refusals. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('Slack configuration', () => {
  it('is off without Slack credentials, and the console stays the default', () => {
    const config = loadConfig({ SLACK_PORT: '3000', SLACK_API_URL: '' });
    expect(config.slack).toBeUndefined();
    expect(config.console).toBe(true);
  });

  it('runs HTTP mode with a bot token and signing secret', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: 'https://slack-gov.com/api',
    });
    expect(config.slack).toEqual({
      mode: 'http',
      botToken: 'xoxb-1',
      oauth: undefined,
      signingSecret: 'secret',
      appToken: undefined,
      apiUrl: 'https://slack-gov.com/api/',
      port: 3000,
      host: '0.0.0.0',
      command: '/twin',
    });
    expect(config.console).toBe(false);
  });

  it('runs Socket Mode with OAuth for several workspaces', () => {
    const config = loadConfig({
      SLACK_APP_TOKEN: 'xapp-1-A1-x',
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 's',
      SLACK_STATE_SECRET: 'state-secret-of-at-least-32-chars',
      SLACK_PORT: '8080',
      SLACK_COMMAND: '/twin-test',
    });
    expect(config.slack).toMatchObject({
      mode: 'socket',
      botToken: undefined,
      oauth: { clientId: '1.2', clientSecret: 's', stateSecret: 'state-secret-of-at-least-32-chars' },
      port: 8080,
      command: '/twin-test',
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET/],
    [{ SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN .* or SLACK_CLIENT_ID/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_CLIENT_ID: '1', SLACK_APP_TOKEN: 'xapp-1' }, /exclude each other/],
    [{ SLACK_CLIENT_ID: '1', SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, /xapp-/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_COMMAND: 'twin' }, /SLACK_COMMAND/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
