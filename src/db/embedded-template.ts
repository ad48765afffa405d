/**
 * A new embedded data directory starts from a template instead of PGlite's initdb: initdb took
 * 6.9 s and 836 MB resident here. The template is an in-memory PGlite with the migrations of
 * install time applied, dumped as a tarball into dist/ (`npm install` makes it,
 * scripts/embedded-template.ts) and unpacked into the new directory on disk (node-tar; 7.x, the
 * line that runs on Node 20) before PGlite opens it as any existing one; migrations added since
 * are applied after as for any directory. It is made per PGlite version, since a data directory
 * must come from the PostgreSQL build that reads it; without one for this version, initdb runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { PGlite } from '@electric-sql/pglite';
import { extract } from 'tar';

import { findProjectRoot } from './project-root.ts';
import { applyMigrations } from './schema-engine.ts';

/** The installed PGlite's version (its package.json is not among the package's exports). */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Where the template for the installed PGlite lives. */
export function embeddedTemplatePath(): string {
  return join(findProjectRoot(import.meta.url), 'dist', `embedded-template-pglite-${pgliteVersion()}.tar.gz`);
}

/** A migrated, empty database as PGlite's data directory tarball (uncompressed). */
export async function buildEmbeddedTemplate(): Promise<Blob> {
  const pglite = await PGlite.create();
  try {
    await applyMigrations({ kind: 'embedded', pglite });
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

export async function gzipTemplate(template: Blob): Promise<Buffer> {
  return gzipSync(Buffer.from(await template.arrayBuffer()), { level: 6 });
}

/** The file PostgreSQL reads first in a data directory: its presence means the directory is made. */
export const PG_VERSION_FILE = 'PG_VERSION';

/**
 * Writes the installed template into a new data directory on disk; without one made for this
 * PGlite version it writes nothing (PGlite's initdb then runs). Unpacked here rather than
 * handed to PGlite (`loadDataDir`), which holds the tarball and every file of it in memory: a
 * first start stayed about 110 MB larger for the rest of the process that way. PG_VERSION is
 * written last, so an unpacking cut short leaves a directory that the next start unpacks again.
 */
export async function unpackEmbeddedTemplate(dataDir: string, path = embeddedTemplatePath()): Promise<void> {
  if (!existsSync(path)) return;
  // PGlite's tarball names its files from the root ("/base/1/…"); tar strips the leading slash.
  const isVersionFile = (entry: string) => entry.replace(/^\/+/, '') === PG_VERSION_FILE;
  await extract({ file: path, cwd: dataDir, filter: (entry) => !isVersionFile(entry) });
  await extract({ file: path, cwd: dataDir, filter: isVersionFile });
}
