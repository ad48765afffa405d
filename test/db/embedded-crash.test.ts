/**
 * The embedded database killed (SIGKILL) in the middle of writes (issue 11, "Faults"): the next
 * start opens the same directory and every transaction the killed process saw committed is there,
 * whole (each wrote a community and its audit entry together). The kill comes after a number of
 * commits the child reported, not after a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';

const KILL_AFTER_COMMITS = 40;

let dataDir: string | undefined;
let writer: ChildProcess | undefined;
afterEach(async () => {
  writer?.kill('SIGKILL');
  writer = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

describe('the embedded database killed mid-write', () => {
  it('opens at the next start with every committed transaction whole', { timeout: 180_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'twinbridge-crash-'));
    const child = fork(new URL('./embedded-writer.ts', import.meta.url), {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, WRITER_DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    writer = child;
    const committed: string[] = [];
    const killed = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    child.on('message', (id: string) => {
      committed.push(id);
      // Mid-write: the next transaction has already begun when this message is read.
      if (committed.length === KILL_AFTER_COMMITS) child.kill('SIGKILL');
    });
    expect(await killed).toBe('SIGKILL');

    const reopened = await openDatabase({ dataDir, logger: { info: () => undefined } });
    try {
      const communities = await reopened.prisma.community.findMany({ select: { externalId: true } });
      const audited = await reopened.prisma.auditEntry.findMany({ select: { targetId: true } });
      const stored = new Set(communities.map((c) => c.externalId));
      expect(committed.filter((id) => !stored.has(id))).toEqual([]);
      // Nothing half-written: each community has its audit entry and the reverse.
      expect(audited.map((a) => a.targetId).sort()).toEqual([...stored].sort());
      // And the database takes writes again.
      await reopened.prisma.community.create({
        data: { platform: 'CONSOLE', externalId: 'after-crash', name: 'After' },
      });
    } finally {
      await reopened.close();
    }
  });
});
