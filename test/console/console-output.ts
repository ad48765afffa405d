/** Reading what the console printed: one command's answer, and the posts per channel. */
import type { ConsoleHarness } from './console-harness.ts';

/** Runs one line and returns the single answer the console printed for it (the echo dropped). */
export async function answer(harness: ConsoleHarness, line: string): Promise<string> {
  const printed = await harness.run(line);
  return printed
    .split('\n')
    .slice(1)
    .filter((l) => !l.startsWith('  ⇒') && !l.startsWith('    '))
    .join('\n')
    .trim();
}

/** The posts the console printed, as `#channel in community` → texts posted there. */
export function posts(printed: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of printed.matchAll(/⇒ posted to (#\S+ in \S+):\n((?: {4}.*\n?)+)/g)) {
    const where = match[1] ?? '';
    const text = (match[2] ?? '').replace(/^ {4}/gm, '').trim();
    found.set(where, [...(found.get(where) ?? []), text]);
  }
  return found;
}
