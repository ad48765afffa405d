/** Configuration from the environment (and .env), validated once at start-up. See .env.example. */
import { hostname } from 'node:os';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const schema = z.object({
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TWINBRIDGE_DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  TWINBRIDGE_CONSOLE: z.enum(['auto', 'on', 'off']).default('auto'),
  TWINBRIDGE_WORKER_ID: optionalText,
  DISCORD_TOKEN: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_CLIENT_ID: optionalText,
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  console: boolean;
  workerId: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}\nSee .env.example for every variable.`);
  }
  const c = parsed.data;
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
  };
}
