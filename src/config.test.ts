import { describe, expect, it } from 'vitest';
import { ConfigError, configuredSecrets, loadConfig } from './config.ts';

describe('TWINBRIDGE_SEND_SHARE', () => {
  it('is unset unless set: the live processes share the budget by themselves', () => {
    expect(loadConfig({}).sendShare).toBeUndefined();
    expect(loadConfig({ TWINBRIDGE_SEND_SHARE: '' }).sendShare).toBeUndefined();
  });

  it('takes a fixed fraction as an override', () => {
    expect(loadConfig({ TWINBRIDGE_SEND_SHARE: '0.25' }).sendShare).toBe(0.25);
  });

  it.each(['0', '2', 'half'])('refuses %s, saying what it should be', (value) => {
    expect(() => loadConfig({ TWINBRIDGE_SEND_SHARE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TWINBRIDGE_SEND_SHARE: value })).toThrow(/TWINBRIDGE_SEND_SHARE/);
  });
});

describe('abuse limits', () => {
  it('are the defaults unless set', () => {
    expect(loadConfig({ TWINBRIDGE_MAX_UPCOMING_EXCHANGES: '' }).limits).toEqual({
      minRepeatMinutes: 60,
      scheduledAnnouncements: 20,
      announcementsPerDay: 10,
      upcomingExchanges: 100,
      replanBatch: 10,
    });
  });

  it('takes each from its variable', () => {
    const { limits } = loadConfig({
      TWINBRIDGE_MIN_REPEAT_MINUTES: '1440',
      TWINBRIDGE_MAX_SCHEDULED_ANNOUNCEMENTS: '5',
      TWINBRIDGE_MAX_ANNOUNCEMENTS_PER_DAY: '3',
      TWINBRIDGE_MAX_UPCOMING_EXCHANGES: '40',
    });
    expect(limits).toMatchObject({
      minRepeatMinutes: 1440,
      scheduledAnnouncements: 5,
      announcementsPerDay: 3,
      upcomingExchanges: 40,
    });
  });

  it.each(['0', '-1', '2.5', 'many'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ TWINBRIDGE_MAX_ANNOUNCEMENTS_PER_DAY: value })).toThrow(
      /TWINBRIDGE_MAX_ANNOUNCEMENTS_PER_DAY/,
    );
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

describe('token keys (TWINBRIDGE_TOKEN_KEY, TWINBRIDGE_TOKEN_KEYS_OLD)', () => {
  const hexKey = 'ab'.repeat(32);
  const base64Key = Buffer.alloc(32, 7).toString('base64');

  it('takes a key as 64 hex digits or as base64 of 32 bytes, with old keys for rotation', () => {
    const config = loadConfig({
      TWINBRIDGE_TOKEN_KEY: hexKey,
      TWINBRIDGE_TOKEN_KEYS_OLD: `${base64Key}, ${hexKey}`,
    });
    expect(config.tokenKeys?.current).toEqual(Buffer.from(hexKey, 'hex'));
    expect(config.tokenKeys?.old).toEqual([Buffer.alloc(32, 7), Buffer.from(hexKey, 'hex')]);
    expect(loadConfig({}).tokenKeys).toBeUndefined();
  });

  it('refuses keys that are not 32 bytes, and old keys without a current one, naming the variable', () => {
    expect(() => loadConfig({ TWINBRIDGE_TOKEN_KEY: 'ab'.repeat(16) })).toThrow(
      'TWINBRIDGE_TOKEN_KEY: 32 bytes as 64 hex digits or base64',
    );
    expect(() =>
      loadConfig({ TWINBRIDGE_TOKEN_KEY: hexKey, TWINBRIDGE_TOKEN_KEYS_OLD: `${hexKey},short` }),
    ).toThrow('TWINBRIDGE_TOKEN_KEYS_OLD: each key 32 bytes');
    expect(() => loadConfig({ TWINBRIDGE_TOKEN_KEYS_OLD: hexKey })).toThrow(
      'TWINBRIDGE_TOKEN_KEYS_OLD: needs TWINBRIDGE_TOKEN_KEY',
    );
  });

  it('lists every configured secret for redaction in log text', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'discord-token-value',
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 's'.repeat(32),
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      TWINBRIDGE_TOKEN_KEY: hexKey,
    });
    expect(configuredSecrets(config)).toEqual(
      expect.arrayContaining([
        'discord-token-value',
        'client-secret-value',
        's'.repeat(32),
        'signing-secret-value',
        hexKey,
      ]),
    );
  });
});

describe('retention periods', () => {
  it('keep history 90 days and Slack event receipts 1 day unless set', () => {
    expect(loadConfig({}).retention).toEqual({ deliveries: 90, audit: 90, receipts: 1 });
    expect(loadConfig({ TWINBRIDGE_KEEP_AUDIT_DAYS: '' }).retention.audit).toBe(90);
  });

  it('take whole days for each kind', () => {
    const env = {
      TWINBRIDGE_KEEP_DELIVERIES_DAYS: '30',
      TWINBRIDGE_KEEP_AUDIT_DAYS: '365',
      TWINBRIDGE_KEEP_RECEIPTS_DAYS: '2',
    };
    expect(loadConfig(env).retention).toEqual({ deliveries: 30, audit: 365, receipts: 2 });
  });

  it.each(['0', '1.5', 'forever', '3651'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ TWINBRIDGE_KEEP_DELIVERIES_DAYS: value })).toThrow(
      /TWINBRIDGE_KEEP_DELIVERIES_DAYS/,
    );
  });
});

describe('TWINBRIDGE_INVITE_KEY', () => {
  const postgres = { DATABASE_URL: 'postgresql://bot@db.example.org/twinbridge' };

  it('is required with PostgreSQL: every process must hash invite codes alike', () => {
    expect(() => loadConfig(postgres)).toThrow(ConfigError);
    expect(() => loadConfig(postgres)).toThrow('TWINBRIDGE_INVITE_KEY: required with DATABASE_URL');
    const key = 'k'.repeat(32);
    expect(loadConfig({ ...postgres, TWINBRIDGE_INVITE_KEY: key }).inviteKey).toBe(key);
  });

  it('may be left out with the embedded database (a key file is kept there), and must be long', () => {
    expect(loadConfig({}).inviteKey).toBeUndefined();
    expect(() => loadConfig({ TWINBRIDGE_INVITE_KEY: 'k'.repeat(31) })).toThrow(
      'TWINBRIDGE_INVITE_KEY: at least 32 characters',
    );
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

describe('DISCORD_MESSAGE_CONTENT', () => {
  const discord = { DISCORD_TOKEN: 'discord-token' };

  it('is off unless set to on, and refuses anything else naming the variable', () => {
    expect(loadConfig(discord).discord?.messageContent).toBe(false);
    expect(loadConfig({ ...discord, DISCORD_MESSAGE_CONTENT: 'on' }).discord?.messageContent).toBe(true);
    expect(() => loadConfig({ ...discord, DISCORD_MESSAGE_CONTENT: 'yes' })).toThrow(
      /DISCORD_MESSAGE_CONTENT/,
    );
  });
});

describe('DISCORD_SHARD_COUNT and DISCORD_SHARDS', () => {
  const discord = { DISCORD_TOKEN: 'discord-token' };
  const shardsOf = (env: Record<string, string>) => {
    const { shardCount, shards } = loadConfig({ ...discord, ...env }).discord ?? {};
    return { shardCount, shards };
  };

  it('run one shard of one unless set, and every shard of the count unless DISCORD_SHARDS says which', () => {
    expect(shardsOf({})).toEqual({ shardCount: 1, shards: [0] });
    expect(shardsOf({ DISCORD_SHARD_COUNT: '3' })).toEqual({ shardCount: 3, shards: [0, 1, 2] });
  });

  it('take ids and ranges, comma-separated, spaces allowed, in any order', () => {
    expect(shardsOf({ DISCORD_SHARD_COUNT: '8', DISCORD_SHARDS: '6, 0-2 ,4' })).toEqual({
      shardCount: 8,
      shards: [0, 1, 2, 4, 6],
    });
    expect(shardsOf({ DISCORD_SHARD_COUNT: '2', DISCORD_SHARDS: '1' }).shards).toEqual([1]);
  });

  it.each([
    ['0', 'DISCORD_SHARD_COUNT: a whole number of shards, at least 1'],
    ['1.5', 'DISCORD_SHARD_COUNT: a whole number of shards, at least 1'],
    ['two', 'DISCORD_SHARD_COUNT'],
  ])('refuse the count %s, naming the variable', (count, message) => {
    expect(() => loadConfig({ ...discord, DISCORD_SHARD_COUNT: count })).toThrow(message);
  });

  it.each([
    ['2', 'DISCORD_SHARDS: shard 2 does not exist with DISCORD_SHARD_COUNT=2 (ids run from 0 to 1)'],
    ['0-5', 'DISCORD_SHARDS: shard 2 does not exist with DISCORD_SHARD_COUNT=2'],
    ['1,0-1', 'DISCORD_SHARDS: shard 1 is named twice'],
    ['1-0', 'DISCORD_SHARDS: the range 1-0 runs backwards (write it low-high)'],
    ['zero', 'DISCORD_SHARDS: shard ids such as 0,1 or a range such as 0-3, comma-separated'],
    ['0,,1', 'DISCORD_SHARDS: shard ids such as 0,1'],
    ['-1', 'DISCORD_SHARDS: shard ids such as 0,1'],
  ])('refuse DISCORD_SHARDS=%s with two shards, saying why', (shards, message) => {
    expect(() => loadConfig({ ...discord, DISCORD_SHARD_COUNT: '2', DISCORD_SHARDS: shards })).toThrow(
      message,
    );
  });
});

describe('machine translation (TWINBRIDGE_TRANSLATION)', () => {
  it('is off by default', () => {
    expect(loadConfig({}).translation).toBeUndefined();
    expect(loadConfig({ DEEPL_API_KEY: 'k:fx', TWINBRIDGE_TRANSLATION: 'off' }).translation).toBeUndefined();
  });

  it('takes LibreTranslate at its URL, with a key when it asks for one, and names a missing URL', () => {
    expect(
      loadConfig({ TWINBRIDGE_TRANSLATION: 'libretranslate', LIBRETRANSLATE_URL: 'http://127.0.0.1:5000' })
        .translation,
    ).toEqual({ service: 'libretranslate', url: 'http://127.0.0.1:5000', apiKey: undefined });
    expect(
      loadConfig({
        TWINBRIDGE_TRANSLATION: 'libretranslate',
        LIBRETRANSLATE_URL: 'https://translate.example.org/',
        LIBRETRANSLATE_API_KEY: 'lt-key-123456',
      }).translation?.apiKey,
    ).toBe('lt-key-123456');
    expect(() => loadConfig({ TWINBRIDGE_TRANSLATION: 'libretranslate' })).toThrow(
      'LIBRETRANSLATE_URL: required',
    );
  });

  it('takes DeepL by its key: Free keys (":fx") at api-free.deepl.com, others at api.deepl.com', () => {
    expect(loadConfig({ TWINBRIDGE_TRANSLATION: 'deepl', DEEPL_API_KEY: 'abc:fx' }).translation).toEqual({
      service: 'deepl',
      url: 'https://api-free.deepl.com',
      apiKey: 'abc:fx',
    });
    expect(loadConfig({ TWINBRIDGE_TRANSLATION: 'deepl', DEEPL_API_KEY: 'abc' }).translation?.url).toBe(
      'https://api.deepl.com',
    );
    expect(
      loadConfig({
        TWINBRIDGE_TRANSLATION: 'deepl',
        DEEPL_API_KEY: 'abc',
        DEEPL_API_URL: 'http://localhost:8080',
      }).translation?.url,
    ).toBe('http://localhost:8080');
    expect(() => loadConfig({ TWINBRIDGE_TRANSLATION: 'deepl' })).toThrow('DEEPL_API_KEY: required');
    expect(() => loadConfig({ TWINBRIDGE_TRANSLATION: 'google' })).toThrow('TWINBRIDGE_TRANSLATION');
  });

  it.each(['LIBRETRANSLATE_URL', 'DEEPL_API_URL'])('refuses %s over http:// to another machine', (name) => {
    const env = {
      TWINBRIDGE_TRANSLATION: 'deepl',
      DEEPL_API_KEY: 'abc',
      LIBRETRANSLATE_URL: 'http://127.0.0.1:5000',
    };
    expect(() => loadConfig({ ...env, [name]: 'http://10.0.0.5:5000' })).toThrow(
      `${name}: https:// (http:// only on this machine: 127.0.0.0/8, ::1, localhost), as the API key`,
    );
  });

  it('counts the keys among the secrets redacted from log text', () => {
    const deepl = loadConfig({ TWINBRIDGE_TRANSLATION: 'deepl', DEEPL_API_KEY: 'deepl-secret-key:fx' });
    expect(configuredSecrets(deepl)).toContain('deepl-secret-key:fx');
    const libre = loadConfig({
      TWINBRIDGE_TRANSLATION: 'libretranslate',
      LIBRETRANSLATE_URL: 'http://127.0.0.1:5000',
      LIBRETRANSLATE_API_KEY: 'libre-secret-key',
    });
    expect(configuredSecrets(libre)).toContain('libre-secret-key');
  });
});
