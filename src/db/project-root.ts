import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding prisma/ and dist/: two up from the sources in src/db/, one up from the
 * bundle in dist/ (scripts/build.mjs), so it is looked for rather than counted.
 */
export function findProjectRoot(moduleUrl: string): string {
  const from = dirname(fileURLToPath(moduleUrl));
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'prisma', 'schema.prisma'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no prisma/schema.prisma above ${from}`);
  }
}
