/**
 * Fitting answers into a platform's message limits (Discord 2,000 characters of content, Slack
 * 3,000 per section and 40,000 per message): cut with a visible mark, or split at line breaks.
 * Every adapter uses these, so a long `help` or attendee list behaves the same everywhere.
 */

/** Cuts text to at most `max` characters, marking the cut with "…". */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Splits text into parts of at most `max` characters, at line breaks where it can; a single line
 * longer than `max` is cut into pieces of `max`.
 */
export function splitAtLineBreaks(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') parts.push(current);
    let rest = line;
    while (rest.length > max) {
      parts.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current !== '') parts.push(current);
  return parts;
}
