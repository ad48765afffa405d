/**
 * A new embedded data directory starts from a template instead of PGlite's initdb: initdb took
 * 6.9 s and 836 MB resident here, loading the template 1.5 s and 430 MB. The template is an
 * in-memory PGlite with the migrations of install time applied, dumped as a tarball into dist/
 * (`npm install` makes it, scripts/embedded-template.ts); migrations added since are applied
 * after loading as for any directory. It is made per PGlite version, since a data directory
 * must come from the PostgreSQL build that reads it; without one for this version, initdb runs.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

import { PGlite } from '@electric-sql/pglite';

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

/** The installed template, or undefined when none was made for this PGlite version. */
export async function readEmbeddedTemplate(path = embeddedTemplatePath()): Promise<Blob | undefined> {
  let zipped: Buffer;
  try {
    zipped = await readFile(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  return new Blob([gunzipSync(zipped)]);
}
