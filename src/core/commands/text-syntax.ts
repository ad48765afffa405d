/**
 * The text syntax shared by the console and Slack:
 *   event create title:"Summer visit" start:"next friday 9:30" capacity:40
 * Values may be quoted with "…", '…' or typographic quotes (“…”, „…“, ‘…’, «…»: chat apps love
 * to "correct" them). Inside quotes, a backslash keeps the closing quote or a backslash as it is:
 * title:"The \"Old Mill\"" is The "Old Mill"; any other backslash is just a backslash.
 */
import { suggestCommands } from './command-suggestions.ts';
import type { CommandDefinition } from './definition.ts';

export interface ParsedText {
  definition: CommandDefinition;
  options: Record<string, string>;
  /** Bare words after the command path, for commands that take a rest argument (help). */
  rest: string[];
}

export type TextParseResult =
  | { ok: true; value: ParsedText }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'unknown-command'; words: string[]; suggestions: CommandDefinition[] }
  | { ok: false; reason: 'unclosed-quote'; definition: CommandDefinition }
  | { ok: false; reason: 'duplicate-option'; definition: CommandDefinition; option: string }
  | { ok: false; reason: 'unexpected-word'; definition: CommandDefinition; word: string };

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '“': '”', '„': '“', '‘': '’', '«': '»' };

interface Token {
  text: string;
  /** key:value tokens carry their key; bare words do not. */
  key?: string;
}

/** A quoted value from `start` up to its closing quote, with \<quote> and \\ read as the character. */
function readQuoted(input: string, start: number, close: string): { text: string; end: number } | null {
  let text = '';
  for (let i = start; i < input.length; i++) {
    const char = input.charAt(i);
    if (char === close) return { text, end: i + 1 };
    const next = input.charAt(i + 1);
    if (char === '\\' && (next === close || next === '\\')) {
      text += next;
      i++;
    } else {
      text += char;
    }
  }
  return null;
}

function tokenize(input: string): Token[] | 'unclosed-quote' {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input.charAt(i))) i++;
    if (i >= input.length) break;
    let key: string | undefined;
    const keyMatch = /^([\p{L}\p{N}_-]+):/u.exec(input.slice(i));
    if (keyMatch?.[1]) {
      key = keyMatch[1].toLowerCase();
      i += keyMatch[0].length;
    }
    const open = input.charAt(i);
    const close = QUOTE_PAIRS[open];
    let text: string;
    if (close !== undefined) {
      const quoted = readQuoted(input, i + 1, close);
      if (!quoted) return 'unclosed-quote';
      ({ text, end: i } = quoted);
    } else {
      const start = i;
      while (i < input.length && !/\s/.test(input.charAt(i))) i++;
      text = input.slice(start, i);
    }
    tokens.push(key === undefined ? { text } : { text, key });
  }
  return tokens;
}

function findDefinition(
  words: string[],
  definitions: readonly CommandDefinition[],
): CommandDefinition | undefined {
  // The longest command path that the leading words spell wins (town coordinator add > town).
  let best: CommandDefinition | undefined;
  for (const definition of definitions) {
    const matches = definition.path.every((word, index) => words[index] === word);
    if (matches && (!best || definition.path.length > best.path.length)) best = definition;
  }
  return best;
}

export function parseCommandText(input: string, definitions: readonly CommandDefinition[]): TextParseResult {
  const trimmed = input.trim().replace(/^\/?twin(\s+|$)/i, '');
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const leadingWords = trimmed
    .split(/\s+/)
    .slice(0, 3)
    .map((w) => w.toLowerCase());
  const definition = findDefinition(leadingWords, definitions);
  if (!definition) {
    return {
      ok: false,
      reason: 'unknown-command',
      words: leadingWords,
      suggestions: suggestCommands(leadingWords, definitions),
    };
  }

  const tokens = tokenize(trimmed);
  if (tokens === 'unclosed-quote') return { ok: false, reason: 'unclosed-quote', definition };
  const options: Record<string, string> = {};
  const rest: string[] = [];
  for (const token of tokens.slice(definition.path.length)) {
    if (token.key === undefined) {
      if (!definition.rest) return { ok: false, reason: 'unexpected-word', definition, word: token.text };
      rest.push(token.text);
      continue;
    }
    if (token.key in options) return { ok: false, reason: 'duplicate-option', definition, option: token.key };
    options[token.key] = token.text;
  }
  if (definition.rest && rest.length > 0 && !(definition.rest in options))
    options[definition.rest] = rest.join(' ');
  return { ok: true, value: { definition, options, rest } };
}
