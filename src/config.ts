/** Configuration from the environment (and .env), validated once at start-up. See .env.example. */
import { hostname } from 'node:os';
import { z } from 'zod';

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

/** Hosts on this machine: the only ones plain http:// may reach (the emulators, a local proxy). */
function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** A platform API base: https://, or http:// on loopback only (tokens travel with every request). */
const apiUrl = optionalText.pipe(
  z
    .url({ protocol: /^https?$/ })
    .refine(
      (url) => new URL(url).protocol === 'https:' || isLoopback(new URL(url).hostname),
      'https:// (http:// only on this machine: 127.0.0.0/8, ::1, localhost), as the bot token is sent with every request',
    )
    .optional(),
);

/** Signs Slack's OAuth state: as hard to guess as the install flow needs. */
const STATE_SECRET_MIN = 32;

const schema = z.object({
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TWINBRIDGE_DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  TWINBRIDGE_CONSOLE: z.enum(['auto', 'on', 'off']).default('auto'),
  TWINBRIDGE_WORKER_ID: optionalText,
  TWINBRIDGE_SEND_SHARE: optionalText.pipe(
    z.coerce
      .number<string | undefined>()
      .gt(0, 'above 0: with N processes posting for one bot, 1/N each')
      .max(1, 'at most 1: with N processes posting for one bot, 1/N each')
      .optional(),
  ),
  DISCORD_TOKEN: optionalText,
  DISCORD_API_URL: apiUrl,
  DISCORD_GUILD_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{17,20}$/, 'a server (guild) id: 17 to 20 digits')
      .optional(),
  ),
  DISCORD_ALLOWED_GUILDS: idList(/^\d{17,20}$/, 'server (guild) ids of 17 to 20 digits, comma-separated'),
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
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_HOST: z.string().trim().min(1).default('0.0.0.0'),
  SLACK_COMMAND: z
    .string()
    .trim()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'a slash and up to 31 lower-case letters, digits, - or _')
    .default('/twin'),
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
}

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  console: boolean;
  workerId: string;
  /** This process's share of each platform's posting limits (several processes, one bot). */
  sendShare: number;
  slack: SlackConfig | undefined;
  discord: DiscordConfig | undefined;
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

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}\nSee .env.example for every variable.`);
  }
  const c = parsed.data;
  const { slack, problems: slackProblems } = slackConfig(c);
  if (slackProblems.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n${slackProblems.join('\n')}\nSee .env.example for every variable.`,
    );
  }
  const platformConfigured = Boolean(
    c.DISCORD_TOKEN || c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN || c.SLACK_CLIENT_ID,
  );
  const consoleOn = c.TWINBRIDGE_CONSOLE === 'on' || (c.TWINBRIDGE_CONSOLE === 'auto' && !platformConfigured);
  return {
    databaseUrl: c.DATABASE_URL,
    dataDir: c.TWINBRIDGE_DATA_DIR,
    // The console shares the terminal with the log: keep it to warnings unless asked.
    logLevel: c.LOG_LEVEL ?? (consoleOn ? 'warn' : 'info'),
    console: consoleOn,
    workerId: c.TWINBRIDGE_WORKER_ID ?? `${hostname()}-${process.pid}`,
    sendShare: c.TWINBRIDGE_SEND_SHARE ?? 1,
    slack,
    discord: c.DISCORD_TOKEN
      ? {
          token: c.DISCORD_TOKEN,
          apiUrl: discordApiBase(c.DISCORD_API_URL),
          guildId: c.DISCORD_GUILD_ID,
          allowedGuilds: c.DISCORD_ALLOWED_GUILDS,
        }
      : undefined,
  };
}
