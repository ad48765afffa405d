/**
 * Imports the entry module as `npm start` does and prints which platform libraries it loaded
 * (both are CommonJS, so they show in the require cache): run by test/console/lazy-platforms.test.ts.
 */
import { createRequire } from 'node:module';

await import('../../src/main.ts');
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
