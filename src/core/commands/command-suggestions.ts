/**
 * What someone probably meant by words that name no command or option: the closest command
 * paths, verbs and option names by edit distance. Swapped letters count as one edit (Damerau),
 * since `lsit` and `hlep` are the usual slips.
 */
import damerauLevenshtein from 'damerau-levenshtein';
import type { CommandDefinition } from './definition.ts';

/** How many edits a word may be off and still be taken for this one: short words allow fewer. */
function tolerance(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

function distance(typed: string, word: string): number {
  return damerauLevenshtein(typed, word).steps;
}

/** The candidates with the smallest distance, among those within reach (Infinity: out of reach). */
function closest<T>(candidates: readonly T[], distanceOf: (candidate: T) => number): T[] {
  let best = Infinity;
  let found: T[] = [];
  for (const candidate of candidates) {
    const d = distanceOf(candidate);
    if (d < best) [best, found] = [d, [candidate]];
    else if (d === best && d !== Infinity) found.push(candidate);
  }
  return best === Infinity ? [] : found;
}

/** Edits between typed words and a command path, word by word; Infinity if any word is too far. */
function pathDistance(typed: readonly string[], path: readonly string[]): number {
  if (typed.length < path.length) return Infinity;
  let total = 0;
  for (const [index, word] of path.entries()) {
    const d = distance(typed[index] ?? '', word);
    if (d > tolerance(word)) return Infinity;
    total += d;
  }
  return total;
}

/** A distance that counts only within the word's tolerance. */
function near(typed: string, word: string): number {
  const d = distance(typed, word);
  return d <= tolerance(word) ? d : Infinity;
}

/**
 * Commands the leading words may have meant, nearest first: a misspelt path (`evnet list`,
 * `town ifno`, `hlep`), else every command of the group (`event explode`, `evnt`), else the
 * commands whose verb was typed without its group (`info`). Empty when nothing is near.
 */
export function suggestCommands(
  leadingWords: readonly string[],
  definitions: readonly CommandDefinition[],
): CommandDefinition[] {
  // Options (name:value) are not part of a command's path.
  const end = leadingWords.findIndex((word) => word.includes(':'));
  const [first, ...others] = end < 0 ? leadingWords : leadingWords.slice(0, end);
  if (first === undefined) return [];
  const misspelt = closest(definitions, (d) => pathDistance([first, ...others], d.path));
  if (misspelt.length > 0) return misspelt;
  const groups = closest([...new Set(definitions.map((d) => d.path[0] ?? ''))], (group) =>
    near(first, group),
  );
  if (groups.length > 0) return definitions.filter((d) => groups.includes(d.path[0] ?? ''));
  return closest(
    definitions.filter((d) => d.path.length > 1),
    (d) => near(first, d.path[d.path.length - 1] ?? ''),
  );
}

/** The option name nearest to one that does not exist (`titel` → `title`), if one is near. */
export function suggestOption(typed: string, known: readonly string[]): string | undefined {
  const found = closest(known, (name) => near(typed, name));
  return found.length === 1 ? found[0] : undefined;
}
