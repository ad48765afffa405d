/**
 * npm run bench:start: how long the bot takes from being started to its first answer, and how
 * much memory it holds then, on the embedded database with the console (the README's default),
 * for a new data directory and for an existing one. The bundle `npm start` runs
 * (dist/main.js) beside its peer, the same sources run through tsx, in the same run.
 * Prints figures; asserts nothing.
 *
 *   npm run bench:start               # 5 starts of each kind
 *   BENCH_STARTS=10 npm run bench:start
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleBotEnv } from './bench-support.ts';

const STARTS = Number(process.env.BENCH_STARTS ?? 5);

interface Start {
  /** Milliseconds from spawning the process to the first answer it printed. */
  ms: number;
  /** Peak resident memory of the process until then (VmHWM), in MB. */
  peakRssMb: number;
}

const RUNNERS: Record<string, string[]> = {
  'bundle (node dist/main.js)': ['dist/main.js'],
  'sources (tsx src/main.ts)': ['--import', 'tsx', 'src/main.ts'],
};

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** One start: the answer to the first line is the first thing a terminal-less console prints. */
function startOnce(args: string[], dataDir: string): Promise<Start> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      env: consoleBotEnv(dataDir),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let first: Start | undefined;
    child.stdout.on('data', () => {
      if (first !== undefined || child.pid === undefined) return;
      first = { ms: performance.now() - started, peakRssMb: peakRssMb(child.pid) };
      child.stdin.end();
    });
    child.on('error', reject);
    // Resolved once the process has shut down, so the next start finds the data directory free.
    child.on('exit', (code) => {
      if (first === undefined || code !== 0) reject(new Error(`the bot exited with ${code ?? 'a signal'}`));
      else resolve(first);
    });
    child.stdin.write('help\n');
  });
}

function summary(values: number[], digits: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return `${median.toFixed(digits)} (${(sorted[0] ?? Number.NaN).toFixed(digits)}–${(sorted.at(-1) ?? Number.NaN).toFixed(digits)})`;
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  console.log(`Twinbridge start to first answer, console on the embedded database, ${STARTS} starts each`);
  console.log(`node ${process.version}, ${process.platform} ${process.arch}; median (min–max)\n`);
  console.log('| runs | data directory | first answer s | peak RSS until then, MB |');
  console.log('|---|---|---|---|');
  const scratch = await mkdtemp(join(tmpdir(), 'twinbridge-start-bench-'));
  try {
    for (const [name, args] of Object.entries(RUNNERS)) {
      const fresh: Start[] = [];
      const existing: Start[] = [];
      for (let i = 0; i < STARTS; i++) {
        const dataDir = join(scratch, `${i}-${fresh.length}-${name.length}`);
        fresh.push(await startOnce(args, dataDir));
        existing.push(await startOnce(args, dataDir));
        await rm(dataDir, { recursive: true, force: true });
      }
      for (const [label, starts] of [
        ['new', fresh],
        ['existing', existing],
      ] as const) {
        console.log(
          `| ${name} | ${label} | ${summary(
            starts.map((s) => s.ms / 1000),
            2,
          )} | ${summary(
            starts.map((s) => s.peakRssMb),
            0,
          )} |`,
        );
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
