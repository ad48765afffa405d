/** Configuration from the environment (and .env), validated once at start-up. See .env.example. */
import { hostname } from 'node:os';
import { z } from 'zod';
import { DEFAULT_LIMITS, type AbuseLimits } from './core/limits.ts';
import { DISCORD_SHARD_SETTINGS, discordShards } from './discord-shard-config.ts';
import { HTTP_SETTINGS, httpConfig, type HttpConfig } from './http-config.ts';
import { secureUrl } from './secure-url.ts';
import { TRANSLATION_SETTINGS, translationConfig, type TranslationConfig } from './translation-config.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A comma-separated list of ids, each matching `pattern`; empty or unset means no list. */
function idList(pattern: RegExp, what: string) {
  return optionalText.pipe(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      )
      .pipe(z.array(z.string().regex(pattern, what)).min(1, what))
      .optional(),
  );
}

const apiUrl = secureUrl('the bot token');

/** Days a kind of history is kept before the purge deletes it (docs/PRIVACY.md). */
function retentionDays(fallback: number) {
  return optionalText.pipe(
    z.coerce
      .number<string | undefined>()
      .int('whole days')
      .min(1, 'at least 1 day')
      .max(3650, 'at most 3650 days (10 years)')
      .default(fallback),
  );
}
/** A limit: a whole number from 1 up, the default when unset or empty. */
const limit = (fallback: number) =>
  optionalText
    .pipe(z.coerce.number<string | undefined>().int().min(1).optional())
    .transform((v) => v ?? fallback);

/** Signs Slack's OAuth state: as hard to guess as the install flow needs. */
const STATE_SECRET_MIN = 32;
/** Keys the HMAC of invite codes (docs/SECURITY.md, "Invites"). */
const INVITE_KEY_MIN = 32;

/** AES-256 needs 32 bytes: 64 hex digits or base64 (`openssl rand -base64 32`). */
function tokenKey(text: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? bytes : undefined;
}

const KEY_FORMAT = '32 bytes as 64 hex digits or base64 (e.g. openssl rand -base64 32)';

const schema = z.object({
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TWINBRIDGE_DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  TWINBRIDGE_CONSOLE: z.enum(['auto', 'on', 'off']).default('auto'),
  TWINBRIDGE_WORKER_ID: optionalText,
  TWINBRIDGE_INVITE_KEY: optionalText.pipe(
    z
      .string()
      .min(INVITE_KEY_MIN, `at least ${INVITE_KEY_MIN} characters of random (e.g. openssl rand -hex 32)`)
      .optional(),
  ),
  TWINBRIDGE_SEND_SHARE: optionalText.pipe(
    z.coerce
      .number<string | undefined>()
      .gt(0, 'above 0, at most 1 (unset: the live processes share the limits by themselves)')
      .max(1, 'above 0, at most 1 (unset: the live processes share the limits by themselves)')
      .optional(),
  ),
  TWINBRIDGE_KEEP_DELIVERIES_DAYS: retentionDays(90),
  TWINBRIDGE_KEEP_AUDIT_DAYS: retentionDays(90),
  TWINBRIDGE_KEEP_RECEIPTS_DAYS: retentionDays(1),
  TWINBRIDGE_MIN_REPEAT_MINUTES: limit(DEFAULT_LIMITS.minRepeatMinutes),
  TWINBRIDGE_MAX_SCHEDULED_ANNOUNCEMENTS: limit(DEFAULT_LIMITS.scheduledAnnouncements),
  TWINBRIDGE_MAX_ANNOUNCEMENTS_PER_DAY: limit(DEFAULT_LIMITS.announcementsPerDay),
  TWINBRIDGE_MAX_UPCOMING_EXCHANGES: limit(DEFAULT_LIMITS.upcomingExchanges),
  DISCORD_TOKEN: optionalText,
  DISCORD_API_URL: apiUrl,
  DISCORD_GUILD_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{17,20}$/, 'a server (guild) id: 17 to 20 digits')
      .optional(),
  ),
  DISCORD_ALLOWED_GUILDS: idList(/^\d{17,20}$/, 'server (guild) ids of 17 to 20 digits, comma-separated'),
  DISCORD_MESSAGE_CONTENT: z.enum(['on', 'off']).default('off'),
  ...DISCORD_SHARD_SETTINGS,
  SLACK_ALLOWED_TEAMS: idList(/^T[A-Z0-9]{2,}$/, 'workspace (team) ids such as T0123ABCD, comma-separated'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.pipe(
    z
      .string()
      .min(STATE_SECRET_MIN, `at least ${STATE_SECRET_MIN} characters of random (e.g. openssl rand -hex 32)`)
      .optional(),
  ),
  SLACK_API_URL: apiUrl,
  TWINBRIDGE_TOKEN_KEY: optionalText.pipe(
    z
      .string()
      .refine((text) => tokenKey(text) !== undefined, KEY_FORMAT)
      .optional(),
  ),
  /** Keys that sealed tokens before a rotation, comma-separated: read, then re-sealed. */
  TWINBRIDGE_TOKEN_KEYS_OLD: optionalText.pipe(
    z
      .string()
      .refine(
        (list) => list.split(',').every((key) => tokenKey(key.trim()) !== undefined),
        `each key ${KEY_FORMAT}`,
      )
      .optional(),
  ),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_HOST: z.string().trim().min(1).default('0.0.0.0'),
  SLACK_COMMAND: z
    .string()
    .trim()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'a slash and up to 31 lower-case letters, digits, - or _')
    .default('/twin'),
  ...HTTP_SETTINGS,
  ...TRANSLATION_SETTINGS,
});

/**
 * The Slack adapter (src/adapters/slack), enabled when a bot token or OAuth credentials are set.
 * Socket Mode when an app-level token is given, otherwise HTTP (Events API URL, signed requests).
 */
export interface SlackConfig {
  mode: 'http' | 'socket';
  /** One workspace: its bot token. */
  botToken: string | undefined;
  /** Several workspaces: OAuth installation ("Add to Slack"), tokens kept in the database. */
  oauth: { clientId: string; clientSecret: string; stateSecret: string } | undefined;
  signingSecret: string | undefined;
  appToken: string | undefined;
  /** Web API base ending in "/" (GovSlack, or an emulator); undefined means Slack's default. */
  apiUrl: string | undefined;
  /** HTTP mode: where Slack's requests arrive. Socket Mode with OAuth: the install pages. */
  port: number;
  host: string;
  command: string;
  /** SLACK_ALLOWED_TEAMS: the only workspaces served; undefined serves every workspace. */
  allowedTeams?: readonly string[] | undefined;
}

/** The Discord adapter (src/adapters/discord), enabled when DISCORD_TOKEN is set. */
export interface DiscordConfig {
  token: string;
  /**
   * REST base without the version, as discord.js takes it (`https://discord.com/api` when
   * undefined): a REST proxy, or an emulator. The gateway URL comes from its /gateway/bot.
   */
  apiUrl: string | undefined;
  /** Register commands to this one server (development) instead of globally. */
  guildId: string | undefined;
  /** DISCORD_ALLOWED_GUILDS: the only servers served; undefined serves every server. */
  allowedGuilds?: readonly string[] | undefined;
  /**
   * DISCORD_MESSAGE_CONTENT=on: the Message Content intent is enabled in the Developer Portal, so
   * the bot asks for it and relays members' messages. Off by default (a 4014 close otherwise).
   */
  messageContent?: boolean;
  /**
   * DISCORD_SHARD_COUNT: the bot's shards across every process (src/discord-shard-config.ts).
   * Unset: 1.
   */
  shardCount?: number;
  /** DISCORD_SHARDS: the shards this process connects. Unset: all of them. */
  shards?: readonly number[];
}

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  /** The invite-code HMAC key; unset with the embedded database: a key file in its directory. */
  inviteKey: string | undefined;
  logLevel: string;
  console: boolean;
  workerId: string;
  /**
   * A fixed share of each platform's posting limits for this process; undefined: shared with the
   * other live processes on the same PostgreSQL (src/core/outbox/send-shares.ts).
   */
  sendShare: number | undefined;
  /** Days delivery history, audit entries and event receipts are kept. */
  retention: { deliveries: number; audit: number; receipts: number };
  /** What one partnership may schedule and send (TWINBRIDGE_MIN_REPEAT_MINUTES, TWINBRIDGE_MAX_*). */
  limits: AbuseLimits;
  slack: SlackConfig | undefined;
  discord: DiscordConfig | undefined;
  /** Seals Slack installation tokens at rest; undefined keeps them in plain text (warned). */
  tokenKeys: { current: Buffer; old: Buffer[] } | undefined;
  /** /healthz and /metrics (src/http-config.ts). */
  http: HttpConfig;
  /** Machine translation of relayed copies (src/translation-config.ts); undefined: originals only. */
  translation: TranslationConfig | undefined;
}

/** Every configured secret value, for redaction in log text. */
export function configuredSecrets(config: Config): string[] {
  const { slack, discord } = config;
  return [
    discord?.token,
    slack?.botToken,
    slack?.appToken,
    slack?.signingSecret,
    slack?.oauth?.clientSecret,
    slack?.oauth?.stateSecret,
    config.translation?.apiKey,
    ...(config.tokenKeys
      ? [config.tokenKeys.current, ...config.tokenKeys.old].flatMap((key) => [
          key.toString('hex'),
          key.toString('base64'),
        ])
      : []),
  ].filter((secret): secret is string => !!secret);
}

export class ConfigError extends Error {}

type Parsed = z.infer<typeof schema>;

function slackConfig(c: Parsed): { slack: SlackConfig | undefined; problems: string[] } {
  const problems: string[] = [];
  const oauthParts = [c.SLACK_CLIENT_ID, c.SLACK_CLIENT_SECRET, c.SLACK_STATE_SECRET];
  const anyOauth = oauthParts.some(Boolean);
  if (!c.SLACK_BOT_TOKEN && !anyOauth) {
    if (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET)
      problems.push(
        '  Slack: set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (several)',
      );
    return { slack: undefined, problems };
  }
  if (c.SLACK_BOT_TOKEN && anyOauth)
    problems.push('  Slack: SLACK_BOT_TOKEN (one workspace) and SLACK_CLIENT_ID… (OAuth) exclude each other');
  if (anyOauth && !oauthParts.every(Boolean))
    problems.push('  Slack: OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET');
  if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
    problems.push('  Slack: HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  if (c.SLACK_APP_TOKEN && !c.SLACK_APP_TOKEN.startsWith('xapp-'))
    problems.push('  SLACK_APP_TOKEN: an app-level token starts with xapp-');
  const apiUrl = c.SLACK_API_URL && (c.SLACK_API_URL.endsWith('/') ? c.SLACK_API_URL : `${c.SLACK_API_URL}/`);
  return {
    problems,
    slack: {
      mode: c.SLACK_APP_TOKEN ? 'socket' : 'http',
      botToken: c.SLACK_BOT_TOKEN,
      oauth:
        c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET
          ? {
              clientId: c.SLACK_CLIENT_ID,
              clientSecret: c.SLACK_CLIENT_SECRET,
              stateSecret: c.SLACK_STATE_SECRET,
            }
          : undefined,
      signingSecret: c.SLACK_SIGNING_SECRET,
      appToken: c.SLACK_APP_TOKEN,
      apiUrl,
      port: c.SLACK_PORT,
      host: c.SLACK_HOST,
      command: c.SLACK_COMMAND,
      allowedTeams: c.SLACK_ALLOWED_TEAMS,
    },
  };
}

/** discord.js appends `/v10`: a base given with a version (…/api/v10) would get it twice. */
function discordApiBase(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

function tokenKeys(c: Parsed): Config['tokenKeys'] {
  const current = c.TWINBRIDGE_TOKEN_KEY && tokenKey(c.TWINBRIDGE_TOKEN_KEY);
  if (!current) {
    if (c.TWINBRIDGE_TOKEN_KEYS_OLD)
      throw new ConfigError(
        'Invalid configuration:\n  TWINBRIDGE_TOKEN_KEYS_OLD: needs TWINBRIDGE_TOKEN_KEY, the key tokens are re-sealed with',
      );
    return undefined;
  }
  const old = (c.TWINBRIDGE_TOKEN_KEYS_OLD ?? '')
    .split(',')
    .map((key) => tokenKey(key.trim()))
    .filter((key): key is Buffer => key !== undefined);
  return { current, old };
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}\nSee .env.example for every variable.`);
  }
  const c = parsed.data;
  const { slack, problems } = slackConfig(c);
  const translation = translationConfig(c, problems);
  const { shardCount, shards } = discordShards(c, problems);
  // Every process of a PostgreSQL deployment must hash codes alike: the key cannot be a local file.
  if (c.DATABASE_URL && !c.TWINBRIDGE_INVITE_KEY)
    problems.push(
      `  TWINBRIDGE_INVITE_KEY: required with DATABASE_URL, at least ${INVITE_KEY_MIN} characters of random (e.g. openssl rand -hex 32)`,
    );
  if (problems.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n${problems.join('\n')}\nSee .env.example for every variable.`,
    );
  }
  const platformConfigured = Boolean(
    c.DISCORD_TOKEN || c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN || c.SLACK_CLIENT_ID,
  );
  const consoleOn = c.TWINBRIDGE_CONSOLE === 'on' || (c.TWINBRIDGE_CONSOLE === 'auto' && !platformConfigured);
  return {
    databaseUrl: c.DATABASE_URL,
    dataDir: c.TWINBRIDGE_DATA_DIR,
    inviteKey: c.TWINBRIDGE_INVITE_KEY,
    // The console shares the terminal with the log: keep it to warnings unless asked.
    logLevel: c.LOG_LEVEL ?? (consoleOn ? 'warn' : 'info'),
    console: consoleOn,
    workerId: c.TWINBRIDGE_WORKER_ID ?? `${hostname()}-${process.pid}`,
    sendShare: c.TWINBRIDGE_SEND_SHARE,
    retention: {
      deliveries: c.TWINBRIDGE_KEEP_DELIVERIES_DAYS,
      audit: c.TWINBRIDGE_KEEP_AUDIT_DAYS,
      receipts: c.TWINBRIDGE_KEEP_RECEIPTS_DAYS,
    },
    limits: {
      ...DEFAULT_LIMITS,
      minRepeatMinutes: c.TWINBRIDGE_MIN_REPEAT_MINUTES,
      scheduledAnnouncements: c.TWINBRIDGE_MAX_SCHEDULED_ANNOUNCEMENTS,
      announcementsPerDay: c.TWINBRIDGE_MAX_ANNOUNCEMENTS_PER_DAY,
      upcomingExchanges: c.TWINBRIDGE_MAX_UPCOMING_EXCHANGES,
    },
    slack,
    discord: c.DISCORD_TOKEN
      ? {
          token: c.DISCORD_TOKEN,
          apiUrl: discordApiBase(c.DISCORD_API_URL),
          guildId: c.DISCORD_GUILD_ID,
          allowedGuilds: c.DISCORD_ALLOWED_GUILDS,
          messageContent: c.DISCORD_MESSAGE_CONTENT === 'on',
          shardCount,
          shards,
        }
      : undefined,
    tokenKeys: tokenKeys(c),
    http: httpConfig(c, { platformConfigured, slackHttp: slack?.mode === 'http' }),
    translation,
  };
}
