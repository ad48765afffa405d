// Builds what `npm start` runs: src/main.ts and everything it imports bundled by esbuild into
// dist/ as plain JavaScript (packages stay in node_modules). Loading one prepared file instead
// of compiling ~200 TypeScript files at every start is most of what tsx cost a start.
//
//   node scripts/build.mjs              build now (npm run build; npm install runs it)
//   node scripts/build.mjs --if-stale   build only when a source is newer than the build (npm start)
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'main.ts');
const outdir = join(root, 'dist');
const output = join(outdir, 'main.js');
/** What the bundle is made of: a change in any of these makes it stale. */
const SOURCES = ['src', 'commands', 'package.json', 'package-lock.json', 'scripts/build.mjs'];

function newestChange(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

function isStale() {
  let built;
  try {
    built = statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((source) => newestChange(join(root, source)) > built);
}

if (!process.argv.includes('--if-stale') || isStale()) {
  const { build } = await import('esbuild');
  const started = performance.now();
  await build({
    entryPoints: { main: entry },
    outdir,
    bundle: true,
    // The adapters of platforms that are not configured stay unloaded: their own chunks.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Readable stack traces: names kept, nothing minified, a source map beside it.
    sourcemap: true,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  process.stderr.write(`Built dist/ from src/ in ${Math.round(performance.now() - started)} ms.\n`);
}
