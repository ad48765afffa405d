import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { checkDrift, createMigration, DEFAULT_MIGRATION_PATHS } from '../../src/db/schema-engine.ts';

const run = promisify(execFile);
const projectRoot = new URL('../../', import.meta.url).pathname;

describe('schema drift', () => {
  let scratchDir: string;
  let changedSchemaPath: string;
  let migrationsDir: string;

  beforeEach(async () => {
    scratchDir = await mkdtemp(join(tmpdir(), 'twinbridge-drift-'));
    migrationsDir = join(scratchDir, 'migrations');
    await cp(DEFAULT_MIGRATION_PATHS.migrationsDir, migrationsDir, { recursive: true });
    // The committed schema with one more column on Town.
    const schema = await readFile(DEFAULT_MIGRATION_PATHS.schemaPath, 'utf8');
    const changed = schema.replace(/(model Town \{\n)/, '$1  motto String?\n');
    expect(changed).not.toBe(schema);
    changedSchemaPath = join(scratchDir, 'schema.prisma');
    await writeFile(changedSchemaPath, changed);
  });
  afterEach(async () => {
    await rm(scratchDir, { recursive: true, force: true });
  });

  it('finds none between the committed schema and the committed migrations', async () => {
    expect(await checkDrift()).toBe('');
  });

  it('reports the SQL a changed schema needs', async () => {
    const drift = await checkDrift({ schemaPath: changedSchemaPath });
    expect(drift).toContain('ALTER TABLE "Town" ADD COLUMN     "motto" TEXT;');
  });

  it('writes the next migration from the drift, after which there is none', async () => {
    const before = await readdir(migrationsDir);
    const created = await createMigration('Add town motto!', {
      schemaPath: changedSchemaPath,
      migrationsDir,
      now: new Date('2099-01-02T03:04:05Z'),
    });

    expect(created?.directory).toBe(join(migrationsDir, '20990102030405_add_town_motto'));
    expect(await readdir(migrationsDir)).toEqual([...before, '20990102030405_add_town_motto'].sort());
    const sql = await readFile(join(migrationsDir, '20990102030405_add_town_motto', 'migration.sql'), 'utf8');
    expect(sql).toBe(created?.sql);
    expect(sql).toContain('"motto" TEXT');

    expect(await checkDrift({ schemaPath: changedSchemaPath, migrationsDir })).toBe('');
    expect(await createMigration('again', { schemaPath: changedSchemaPath, migrationsDir })).toBeNull();
  });

  it('refuses a migration that would sort before the existing ones', async () => {
    await expect(
      createMigration('late', {
        schemaPath: changedSchemaPath,
        migrationsDir,
        now: new Date('2000-01-01T00:00:00Z'),
      }),
    ).rejects.toThrow(/would sort before/);
  });

  it('makes `db:check` exit 1 with the SQL on drift, and 0 without', { timeout: 60_000 }, async () => {
    const cli = [
      '--import',
      'tsx',
      join(projectRoot, 'src/db/cli.ts'),
      'check',
      '--migrations',
      migrationsDir,
    ];

    const [clean, drifted] = await Promise.all([
      run(process.execPath, cli, { cwd: projectRoot }),
      run(process.execPath, [...cli, '--schema', changedSchemaPath], { cwd: projectRoot }).catch(
        (error: unknown) => error,
      ),
    ]);
    expect(clean.stdout).toContain('agree');
    expect(drifted).toMatchObject({ code: 1, stdout: expect.stringContaining('ADD COLUMN') as unknown });
  });
});
