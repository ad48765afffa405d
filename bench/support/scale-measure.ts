/**
 * What bench/scale.ts measures besides wall time: the process's memory every second, per phase,
 * and the statements a piece of work sends to PostgreSQL (caught at pg's Client, which Prisma's
 * pg adapter sends through), so the slowest one can be EXPLAIN ANALYZEd with its own parameters.
 */
import pg from 'pg';

export interface MemorySample {
  at: number;
  phase: string;
  rssMb: number;
  heapMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export class MemorySampler {
  readonly samples: MemorySample[] = [];
  private phase = 'start';
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 1_000) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  enter(phase: string): void {
    this.phase = phase;
    this.sample();
  }

  /** The phase's last sample is taken when it ends, so a short phase has a start and an end. */
  leave(): void {
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.samples.push({ at: performance.now(), phase: this.phase, rssMb: mb(rss), heapMb: mb(heapUsed) });
  }

  /** start, peak and end of RSS and heap in `phase`, and for long phases the first vs. last quarter's mean. */
  summary(phase: string) {
    const s = this.samples.filter((x) => x.phase === phase);
    if (s.length === 0) throw new Error(`no memory samples in phase ${phase}`);
    const mean = (xs: MemorySample[], key: 'rssMb' | 'heapMb') =>
      xs.reduce((a, x) => a + x[key], 0) / xs.length;
    const quarter = Math.max(1, Math.floor(s.length / 4));
    return {
      samples: s.length,
      rss: { start: s[0]!.rssMb, peak: Math.max(...s.map((x) => x.rssMb)), end: s.at(-1)!.rssMb },
      heap: { start: s[0]!.heapMb, peak: Math.max(...s.map((x) => x.heapMb)), end: s.at(-1)!.heapMb },
      firstQuarter: { rss: mean(s.slice(0, quarter), 'rssMb'), heap: mean(s.slice(0, quarter), 'heapMb') },
      lastQuarter: { rss: mean(s.slice(-quarter), 'rssMb'), heap: mean(s.slice(-quarter), 'heapMb') },
    };
  }
}

interface CapturedStatement {
  config: pg.QueryConfig;
  ms: number;
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Runs `work` while recording every statement sent through pg with its parameters and how long
 * it took; returns them, slowest first.
 */
export async function captureStatements(work: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const captured: CapturedStatement[] = [];
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    const result = original.apply(this, args);
    if (config && typeof config === 'object' && 'text' in config && result instanceof Promise) {
      const started = performance.now();
      void result.then(
        () => captured.push({ config: config as pg.QueryConfig, ms: performance.now() - started }),
        () => undefined,
      );
    }
    return result;
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return captured.sort((a, b) => b.ms - a.ms);
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a captured statement with its parameters, rolled back, in a session
 * with `jit` as the product's sessions have it (connectPostgres may turn it off).
 */
export async function explainAnalyze(
  url: string,
  statement: CapturedStatement,
  jit: string,
): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL jit = ${jit === 'on' ? 'on' : 'off'}`);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>({
      text: `EXPLAIN (ANALYZE, BUFFERS) ${statement.config.text}`,
      values: statement.config.values,
    });
    await client.query('ROLLBACK');
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
