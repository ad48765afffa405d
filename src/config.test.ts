import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('TWINBRIDGE_SEND_SHARE', () => {
  it('is 1 unless set: the only process uses the whole budget', () => {
    expect(loadConfig({}).sendShare).toBe(1);
    expect(loadConfig({ TWINBRIDGE_SEND_SHARE: '' }).sendShare).toBe(1);
  });

  it('takes a fraction for one of several processes', () => {
    expect(loadConfig({ TWINBRIDGE_SEND_SHARE: '0.25' }).sendShare).toBe(0.25);
  });

  it.each(['0', '2', 'half'])('refuses %s, saying what it should be', (value) => {
    expect(() => loadConfig({ TWINBRIDGE_SEND_SHARE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TWINBRIDGE_SEND_SHARE: value })).toThrow(/TWINBRIDGE_SEND_SHARE/);
  });
});

describe('secrets and API URLs', () => {
  const slackOauth = {
    SLACK_APP_TOKEN: 'xapp-1-A1-x',
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 'client-secret',
  };

  it('refuses a SLACK_STATE_SECRET shorter than 32 characters, naming it', () => {
    const env = { ...slackOauth, SLACK_STATE_SECRET: 'x'.repeat(31) };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow('SLACK_STATE_SECRET: at least 32 characters');
    const long = loadConfig({ ...slackOauth, SLACK_STATE_SECRET: 'x'.repeat(32) });
    expect(long.slack?.oauth?.stateSecret).toBe('x'.repeat(32));
  });

  it.each(['SLACK_API_URL', 'DISCORD_API_URL'])('refuses %s over http:// to another machine', (name) => {
    for (const url of [
      'http://slack-proxy.example.org/api/',
      'http://10.0.0.5/api',
      'http://128.0.0.1/api',
    ]) {
      const env = { DISCORD_TOKEN: 't', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', [name]: url };
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(`${name}: https://`);
    }
  });

  it.each([
    'http://127.0.0.1:4000/api/',
    'http://127.4.5.6/api',
    'http://[::1]:4000/api',
    'http://localhost:4000/api',
    'https://slack-gov.com/api/',
  ])('accepts %s (https, or http on this machine, as the emulators use)', (url) => {
    const config = loadConfig({
      DISCORD_TOKEN: 't',
      DISCORD_API_URL: url,
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: url,
    });
    expect(config.slack?.apiUrl).toBe(url.endsWith('/') ? url : `${url}/`);
    expect(config.discord?.apiUrl).toBe(url.replace(/\/+$/, ''));
  });
});

describe('DISCORD_ALLOWED_GUILDS and SLACK_ALLOWED_TEAMS', () => {
  const discord = { DISCORD_TOKEN: 'discord-token' };
  const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret' };

  it('serve every server and workspace unless set', () => {
    expect(loadConfig(discord).discord?.allowedGuilds).toBeUndefined();
    expect(loadConfig({ ...slack, SLACK_ALLOWED_TEAMS: ' ' }).slack?.allowedTeams).toBeUndefined();
  });

  it('take comma-separated ids, spaces allowed', () => {
    const env = { ...discord, ...slack, DISCORD_ALLOWED_GUILDS: '123456789012345678, 223456789012345678' };
    expect(loadConfig(env).discord?.allowedGuilds).toEqual(['123456789012345678', '223456789012345678']);
    const teams = loadConfig({ ...slack, SLACK_ALLOWED_TEAMS: 'T0123ABCD,T0999' }).slack?.allowedTeams;
    expect(teams).toEqual(['T0123ABCD', 'T0999']);
  });

  it('refuse something that is no id, naming the variable', () => {
    expect(() => loadConfig({ ...discord, DISCORD_ALLOWED_GUILDS: '1234,krumlov' })).toThrow(
      /DISCORD_ALLOWED_GUILDS.*server \(guild\) ids/,
    );
    expect(() => loadConfig({ ...slack, SLACK_ALLOWED_TEAMS: 'krumlov.slack.com' })).toThrow(
      /SLACK_ALLOWED_TEAMS.*workspace \(team\) ids/,
    );
  });
});
