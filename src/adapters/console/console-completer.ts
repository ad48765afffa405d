/**
 * Tab completion at the console prompt (Node's readline `completer`), built from the command
 * definitions: directives after ":", then a command's words (`ev` → `event`, `event cr` →
 * `event create`), then the options it has not been given yet, as `name:`.
 */
import type { CommandDefinition } from '../../core/commands/definition.ts';

/** What readline asks for: the candidates, and the part of the line they would replace. */
export type Completer = (line: string) => [string[], string];

export function commandCompleter(
  definitions: readonly CommandDefinition[],
  directives: readonly string[],
): Completer {
  return (line) => {
    const words = line.trimStart().split(/\s+/);
    const typed = words.at(-1) ?? '';
    const before = words.slice(0, -1).map((word) => word.toLowerCase());
    const matching = (candidates: Iterable<string>) =>
      [...new Set(candidates)].filter((c) => c.startsWith(typed));
    if (before.length === 0 && typed.startsWith(':'))
      return [matching(directives.map((d) => `:${d}`)), typed];
    // A value is being typed: nothing to offer.
    if (typed.includes(':')) return [[], typed];
    const spelt = (definition: CommandDefinition) => definition.path.every((word, i) => before[i] === word);
    const command = definitions
      .filter((d) => d.path.length <= before.length && spelt(d))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (command) {
      const given = new Set(before.flatMap((word) => /^([^:]+):/.exec(word)?.[1] ?? []));
      const options = Object.keys(command.options).filter((name) => !given.has(name));
      return [matching(options.map((name) => `${name}:`)), typed];
    }
    const next = definitions
      .filter((d) => d.path.length > before.length && before.every((word, i) => d.path[i] === word))
      .map((d) => d.path[before.length] ?? '');
    return [matching(next), typed];
  };
}
