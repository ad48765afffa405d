import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { PGlite } from '@electric-sql/pglite';

import { gzipTemplate } from '../../src/db/embedded-template.ts';
import { openDatabase, type Database, type DatabaseLogger } from '../../src/db/open-database.ts';
import { applyMigrations, DEFAULT_MIGRATION_PATHS, readMigrationList } from '../../src/db/schema-engine.ts';
import { createScratchDatabase, createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';

const community = (externalId: string) => ({
  platform: 'CONSOLE' as const,
  externalId,
  name: `Community ${externalId}`,
});

/** Collects what openDatabase reports, to see which migrations a start-up applied. */
function recordingLogger(): DatabaseLogger & { entries: { details: object; message: string }[] } {
  const entries: { details: object; message: string }[] = [];
  return { entries, info: (details, message) => entries.push({ details, message }) };
}

async function migrationNames(): Promise<string[]> {
  const list = await readMigrationList(DEFAULT_MIGRATION_PATHS.migrationsDir);
  return list.migrationDirectories.map((folder) => folder.path);
}

describe.each(DATABASE_KINDS)('test databases on %s', (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(() => database.close());

  it('rolls back everything an interactive transaction wrote when it throws', async () => {
    let seenInside = 0;
    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.community.create({ data: community('a') });
        await tx.community.create({ data: community('b') });
        seenInside = await tx.community.count();
        throw new Error('rejected command');
      }),
    ).rejects.toThrow('rejected command');

    expect(seenInside).toBe(2);
    expect(await database.prisma.community.count()).toBe(0);

    await database.prisma.$transaction(async (tx) => {
      await tx.community.create({ data: community('c') });
    });
    expect(await database.prisma.community.findMany({ select: { externalId: true } })).toEqual([
      { externalId: 'c' },
    ]);
  });

  it('hands each test a database of its own', async () => {
    await database.prisma.community.create({ data: community('mine') });
    const other = await createTestDatabase(kind);
    try {
      expect(await other.prisma.community.count()).toBe(0);
      expect(other.kind).toBe(kind);
    } finally {
      await other.close();
    }
    expect(await database.prisma.community.count()).toBe(1);
  });
});

describe('test databases reused within a file', () => {
  it('keeps a closed embedded database from reaching the next test’s data, which starts empty', async () => {
    const first = await createTestDatabase('embedded');
    await first.prisma.community.create({ data: community('left-behind') });
    await first.close();
    const next = await createTestDatabase('embedded');
    try {
      await expect(first.prisma.community.count()).rejects.toThrow(/This test database was closed/);
      expect(await next.prisma.community.count()).toBe(0);
    } finally {
      await next.close();
    }
  });
});

describe('openDatabase, embedded', () => {
  let scratchDir: string;
  beforeEach(async () => {
    scratchDir = await mkdtemp(join(tmpdir(), 'twinbridge-open-'));
  });
  afterEach(async () => {
    await rm(scratchDir, { recursive: true, force: true });
  });

  it('creates and migrates a new data directory, and keeps its data when reopened', async () => {
    const dataDir = join(scratchDir, 'not', 'yet', 'there');
    const firstLog = recordingLogger();
    // Without a template: PGlite's initdb, then every migration.
    const first = await openDatabase({ dataDir, logger: firstLog, templatePath: join(scratchDir, 'none') });
    expect(first.kind).toBe('embedded');
    await first.prisma.community.create({ data: community('kept') });
    await first.close();
    await first.close(); // closing twice is harmless

    const secondLog = recordingLogger();
    const second = await openDatabase({ dataDir, logger: secondLog });
    try {
      expect(await second.prisma.community.findMany({ select: { externalId: true } })).toEqual([
        { externalId: 'kept' },
      ]);
    } finally {
      await second.close();
    }
    expect(firstLog.entries).toHaveLength(1);
    expect(firstLog.entries[0]).toMatchObject({
      message: 'database ready',
      details: { kind: 'embedded', appliedMigrations: await migrationNames() },
    });
    expect(secondLog.entries[0]?.details).toMatchObject({ appliedMigrations: [] });
  });

  /** A migrated template with a mark of its own (a table), to tell a directory made from it. */
  async function markedTemplate(): Promise<string> {
    const pglite = await PGlite.create();
    await applyMigrations({ kind: 'embedded', pglite });
    await pglite.exec('CREATE TABLE made_from_template (id int)');
    const templatePath = join(scratchDir, 'template.tar.gz');
    await writeFile(templatePath, await gzipTemplate(await pglite.dumpDataDir('none')));
    await pglite.close();
    return templatePath;
  }

  it('starts a new data directory from the template, and never loads it over an existing one', async () => {
    const templatePath = await markedTemplate();

    const dataDir = join(scratchDir, 'data');
    const marked = async () => {
      const database = await openDatabase({ dataDir, templatePath });
      try {
        await database.prisma.community.create({ data: community(`c${Date.now()}`) });
        const [row] = await database.prisma.$queryRaw<{ present: boolean }[]>`
          SELECT to_regclass('made_from_template') IS NOT NULL AS present`;
        await database.prisma.$executeRaw`DROP TABLE IF EXISTS made_from_template`;
        return [row?.present, await database.prisma.community.count()];
      } finally {
        await database.close();
      }
    };
    expect(await marked()).toEqual([true, 1]);
    // Reopened: the same directory (the mark dropped, the community kept), not the template again.
    expect(await marked()).toEqual([false, 2]);
  });

  it('unpacks the template again over a directory whose unpacking was cut short', async () => {
    const templatePath = await markedTemplate();
    const dataDir = join(scratchDir, 'data');
    // What a start stopped mid-way leaves: some of the template's files, a damaged one, no PG_VERSION.
    await mkdir(join(dataDir, 'global'), { recursive: true, mode: 0o700 });
    await writeFile(join(dataDir, 'global', 'pg_control'), 'half written');
    const database = await openDatabase({ dataDir, templatePath });
    try {
      // Made from the template (initdb would not have its mark), and it works.
      const [row] = await database.prisma.$queryRaw<{ present: boolean }[]>`
        SELECT to_regclass('made_from_template') IS NOT NULL AS present`;
      expect(row?.present).toBe(true);
      await database.prisma.community.create({ data: community('after-restart') });
      expect(await database.prisma.community.count()).toBe(1);
    } finally {
      await database.close();
    }
    expect(await readFile(join(dataDir, 'PG_VERSION'), 'utf8')).toMatch(/^\d+\n$/);
  });

  it('runs PostgreSQL with 16 MB of shared buffers rather than its default 128 MB', async () => {
    for (const dataDir of [join(scratchDir, 'data'), ':memory:']) {
      const database = await openDatabase({ dataDir });
      try {
        expect(await database.prisma.$queryRaw`SHOW shared_buffers`).toEqual([{ shared_buffers: '16MB' }]);
      } finally {
        await database.close();
      }
    }
  });
});

describe('openDatabase, embedded data directory permissions', () => {
  let scratchDir: string;
  let umask: number;
  beforeEach(async () => {
    scratchDir = await mkdtemp(join(tmpdir(), 'twinbridge-mode-'));
    // The usual default, under which new files are readable by everyone unless the code says otherwise.
    umask = process.umask(0o022);
  });
  afterEach(async () => {
    process.umask(umask);
    await rm(scratchDir, { recursive: true, force: true });
  });

  it('creates the directory and every file in it for its owner alone', async () => {
    const dataDir = join(scratchDir, 'data');
    const database = await openDatabase({ dataDir });
    try {
      await database.prisma.community.create({ data: community('private') });
    } finally {
      await database.close();
    }
    expect(((await stat(dataDir)).mode & 0o777).toString(8)).toBe('700');
    const entries = await readdir(dataDir, { withFileTypes: true, recursive: true });
    expect(entries.length).toBeGreaterThan(10);
    const open: string[] = [];
    for (const entry of entries) {
      const file = join(entry.parentPath, entry.name);
      if (((await stat(file)).mode & 0o077) !== 0) open.push(file);
    }
    expect(open).toEqual([]);
  });

  it('refuses a directory others can read, naming the fix, and writes nothing into it', async () => {
    const dataDir = join(scratchDir, 'shared');
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      `can be read or written by other users (mode 755). It holds members' data: run \`chmod 700 ${dataDir}\``,
    );
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('openDatabase, embedded data directory lock', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'twinbridge-lock-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a directory another live process holds, and says which', async () => {
    const holder = process.ppid;
    await writeFile(join(dataDir, 'twinbridge.lock'), `${holder}\n`);
    await expect(openDatabase({ dataDir })).rejects.toThrow(`in use by process ${holder}`);
  });

  it('takes over the lock of a process that died, and refuses a second open in this process', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(join(dataDir, 'twinbridge.lock'), `${dead}\n`);

    const database = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow('already open in this process');
    } finally {
      await database.close();
    }
    // Closed, the directory can be opened again.
    await (await openDatabase({ dataDir })).close();
  });
});

describe('openDatabase, postgres', () => {
  it('migrates an empty database at the URL before handing it out', async () => {
    const scratch = await createScratchDatabase();
    try {
      const logger = recordingLogger();
      const database = await openDatabase({ databaseUrl: scratch.url, dataDir: 'unused', logger });
      try {
        expect(database.kind).toBe('postgres');
        await database.prisma.community.create({ data: community('pg') });
        expect(await database.prisma.community.count()).toBe(1);
      } finally {
        await database.close();
      }
      expect(logger.entries[0]?.details).toMatchObject({
        kind: 'postgres',
        appliedMigrations: await migrationNames(),
      });
    } finally {
      await scratch.drop();
    }
  });

  it('turns JIT compilation off for its sessions: the outbox claim paid seconds of it per claim', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const rows = await database.prisma.$queryRaw<{ jit: string }[]>`SHOW jit`;
      expect(rows).toEqual([{ jit: 'off' }]);
    } finally {
      await database.close();
    }
  });
});
