import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const DISCORD = { DISCORD_TOKEN: 'discord-token' };
const SLACK_HTTP = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing' };
const SLACK_SOCKET = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };

describe('where /healthz and /metrics are served (TWINBRIDGE_HTTP_PORT, TWINBRIDGE_HTTP_HOST)', () => {
  it('is nowhere for the console alone, unless asked', () => {
    expect(loadConfig({}).http.serve).toBe('off');
    expect(loadConfig({ TWINBRIDGE_HTTP_PORT: '8080' }).http.serve).toEqual({
      port: 8080,
      host: '127.0.0.1',
    });
  });

  it('is port 9464 on this machine only with Discord or Slack in Socket Mode', () => {
    expect(loadConfig(DISCORD).http.serve).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig(SLACK_SOCKET).http.serve).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ ...DISCORD, TWINBRIDGE_HTTP_HOST: '0.0.0.0' }).http.serve).toEqual({
      port: 9464,
      host: '0.0.0.0',
    });
  });

  it("is Slack's own server in HTTP mode, or a port of its own when one is given", () => {
    expect(loadConfig(SLACK_HTTP).http.serve).toBe('slack');
    expect(loadConfig({ ...SLACK_HTTP, TWINBRIDGE_HTTP_PORT: '0' }).http.serve).toEqual({
      port: 0,
      host: '127.0.0.1',
    });
  });

  it('is nowhere with off, and empty values mean the defaults', () => {
    expect(loadConfig({ ...SLACK_HTTP, TWINBRIDGE_HTTP_PORT: 'off' }).http.serve).toBe('off');
    expect(loadConfig({ ...DISCORD, TWINBRIDGE_HTTP_PORT: '', TWINBRIDGE_HTTP_HOST: '' }).http.serve).toEqual(
      {
        port: 9464,
        host: '127.0.0.1',
      },
    );
  });

  it.each(['65536', '-1', '80.5', 'on'])('refuses port %s, saying what it takes', (value) => {
    expect(() => loadConfig({ TWINBRIDGE_HTTP_PORT: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TWINBRIDGE_HTTP_PORT: value })).toThrow(
      'TWINBRIDGE_HTTP_PORT: a port from 0 to 65535, or off',
    );
  });
});

describe('TWINBRIDGE_HEALTH_MAX_DUE_SECONDS', () => {
  it('is 15 minutes unless set', () => {
    expect(loadConfig({}).http.maxDueAgeSeconds).toBe(900);
    expect(loadConfig({ TWINBRIDGE_HEALTH_MAX_DUE_SECONDS: '' }).http.maxDueAgeSeconds).toBe(900);
    expect(loadConfig({ TWINBRIDGE_HEALTH_MAX_DUE_SECONDS: '120' }).http.maxDueAgeSeconds).toBe(120);
  });

  it.each(['0', '1.5', 'soon'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ TWINBRIDGE_HEALTH_MAX_DUE_SECONDS: value })).toThrow(
      /TWINBRIDGE_HEALTH_MAX_DUE_SECONDS: (at least 1 second|whole seconds|Invalid input)/,
    );
  });
});
