/**
 * Work left for the end of a test file: test-database.ts registers the release of the databases
 * it keeps for the file's next tests. Run by `after-each-file.ts` (vitest's setupFiles).
 */
const releases = new Set<() => Promise<void>>();

export function atFileEnd(release: () => Promise<void>): void {
  releases.add(release);
}

export async function endOfFile(): Promise<void> {
  for (const release of releases) await release();
  releases.clear();
}
