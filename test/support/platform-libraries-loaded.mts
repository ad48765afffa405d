/**
 * Imports an entry module (the one named on the command line: src/main.ts, or the bundle in
 * dist/) and prints which platform libraries it loaded (both are CommonJS, so they show in the
 * require cache): run by test/console/lazy-platforms.test.ts.
 */
import { createRequire } from 'node:module';

await import(new URL(process.argv[2] ?? '', `file://${process.cwd()}/`).href);
const require = createRequire(import.meta.url);
const loaded = Object.keys((require('node:module') as { _cache: Record<string, unknown> })._cache);
const libraries = { 'discord.js': '/node_modules/discord.js/', '@slack/bolt': '/node_modules/@slack/bolt/' };
process.stdout.write(
  JSON.stringify(
    Object.entries(libraries)
      .filter(([, path]) => loaded.some((file) => file.includes(path)))
      .map(([name]) => name),
  ),
);
