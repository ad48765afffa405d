/**
 * npm run bench:memory: how much memory the bot holds serving Discord and Slack on PostgreSQL
 * (the hosted set-up), beside its peer, the console on the embedded database (the README's
 * default), in the same run. The bundle `npm start` runs (dist/main.js) is started as its own
 * process against the Discord and Slack emulators (test/emulators) and a scratch database on the
 * local PostgreSQL; memory is read from /proc once /healthz says every adapter is connected, and
 * again after members' commands (`--commands`, default 200 on each platform). Prints figures;
 * asserts nothing but that the bot answered.
 *
 *   npm run bench:memory
 *   npm run bench:memory -- --commands 1000
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { commandList } from '../commands/index.ts';
import { discordCommands } from '../src/adapters/discord/command-json.ts';
import { registerCommands } from '../src/adapters/discord/command-registration.ts';
import { applyMigrations } from '../src/db/schema-engine.ts';
import { DiscordEmulator } from '../test/emulators/discord/discord-emulator.ts';
import { SlackEmulator } from '../test/emulators/slack/slack-emulator.ts';
import { createScratch } from './support/scratch-database.ts';
import { consoleBotEnv } from './bench-support.ts';

const { values } = parseArgs({ options: { commands: { type: 'string', default: '200' } } });
const COMMANDS = Number(values.commands);
const TOKEN = 'bench-token';

interface Memory {
  rssMb: number;
  peakRssMb: number;
  /** What of it is the JavaScript heap and what is outside it, where the process reports it. */
  split?: string;
}

function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM') };
}

/** The JavaScript heap in use and the memory outside it (Buffers, WebAssembly), from /metrics. */
async function heapOf(port: number): Promise<string> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const mb = (name: string) =>
    Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
  return `heap ${mb('nodejs_heap_size_used_bytes').toFixed(0)}, external ${mb('nodejs_external_memory_bytes').toFixed(0)}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves once /healthz reports each of `adapters` connected (it answers 503 until then). */
async function connected(port: number, adapters: readonly string[], child: ChildProcess): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the bot exited with ${code ?? 'a signal'}`))),
  );
  for (;;) {
    const report = await Promise.race([
      fetch(`http://127.0.0.1:${port}/healthz`)
        .then((response) => response.json() as Promise<{ adapters?: Record<string, string> }>)
        .catch(() => undefined),
      exited,
    ]);
    if (adapters.every((name) => report?.adapters?.[name] === 'connected')) return;
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 100)), exited]);
  }
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function platforms(): Promise<{ idle: Memory; busy: Memory }> {
  const discord = await DiscordEmulator.start({
    token: TOKEN,
    guilds: [{ name: 'Český Krumlov', channels: [{ name: 'partneri' }], members: [{ username: 'jana' }] }],
    enforceInteractionDeadline: false,
  });
  await registerCommands(new REST({ api: discord.apiUrl }).setToken(TOKEN), {
    commands: discordCommands(commandList),
  });
  const slack = await SlackEmulator.start();
  const workspace = slack.workspace();
  const scratch = await createScratch();
  const port = await freePort();
  let child: ChildProcess | undefined;
  try {
    await applyMigrations({ kind: 'postgres', url: scratch.url });
    child = spawn(process.execPath, ['dist/main.js'], {
      env: {
        ...process.env,
        DATABASE_URL: scratch.url,
        TWINBRIDGE_INVITE_KEY: randomBytes(32).toString('hex'),
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: discord.apiUrl,
        SLACK_API_URL: slack.apiUrl,
        SLACK_BOT_TOKEN: workspace.botToken,
        SLACK_APP_TOKEN: slack.appToken,
        TWINBRIDGE_CONSOLE: 'off',
        TWINBRIDGE_HTTP_PORT: String(port),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await connected(port, ['discord', 'slack'], child);
    await slack.socket.waitForConnection(1);
    const idle = { ...memoryOf(child.pid ?? 0), split: await heapOf(port) };
    for (let i = 0; i < COMMANDS; i++) {
      const answer = discord.slashCommand({
        name: 'help',
        user: 'jana',
        guild: 'Český Krumlov',
        channel: 'partneri',
      });
      await answer.until((outcome) => outcome.callback !== undefined, 'the answer to /help');
      await slack.socket.slashCommand({ command: '/twin', text: 'help' }).waitForAck();
    }
    return { idle, busy: { ...memoryOf(child.pid ?? 0), split: await heapOf(port) } };
  } finally {
    if (child) await stopped(child);
    await Promise.allSettled([discord.stop(), slack.stop()]);
    await scratch.drop();
  }
}

/** The peer: the console on a new embedded data directory, after the same number of commands. */
async function consoleEmbedded(): Promise<{ idle: Memory; busy: Memory }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'twinbridge-bench-memory-'));
  try {
    const child = spawn(process.execPath, ['dist/main.js'], {
      env: consoleBotEnv(dataDir),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    // The console reads every line, answers each, and exits at the end of its input: memory is
    // read at its first answer and every 20 ms until it exits.
    let idle: Memory | undefined;
    let busy: Memory | undefined;
    const sample = () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const now = memoryOf(child.pid);
      // An exiting process's status no longer has its memory lines.
      if (Number.isFinite(now.rssMb)) busy = now;
    };
    child.stdout?.once('data', () => (idle = memoryOf(child.pid ?? 0)));
    child.stdout?.resume();
    const sampling = setInterval(sample, 20);
    child.stdin?.end('help\n'.repeat(COMMANDS + 1));
    await new Promise((resolve) => child.once('exit', resolve));
    clearInterval(sampling);
    if (!idle || !busy) throw new Error('the console did not answer');
    return { idle, busy };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed');
console.log(
  `Twinbridge resident memory (VmRSS; peak VmHWM), the bundle, ${COMMANDS} commands on each platform`,
);
console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);
console.log('| set-up | connected: RSS MB (peak) | after the commands: RSS MB (peak) |');
console.log('|---|---|---|');
const cell = (memory: Memory) =>
  `${memory.rssMb.toFixed(0)} (${memory.peakRssMb.toFixed(0)})${memory.split ? `; ${memory.split}` : ''}`;
const row = (name: string, run: { idle: Memory; busy: Memory }) =>
  console.log(`| ${name} | ${cell(run.idle)} | ${cell(run.busy)} |`);
row('Discord + Slack on PostgreSQL', await platforms());
row('console on the embedded database', await consoleEmbedded());
