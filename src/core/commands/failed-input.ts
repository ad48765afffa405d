/**
 * What a command that failed unexpectedly leaves behind. The log gets its shape only (the
 * command, its option names and value lengths): option values hold invite codes, announcement
 * text and members' interests, and logs travel further than the database. The person gets their
 * input back in the private failure reply, so nothing they typed is lost and they can retry.
 */
import { commandId, type CommandDefinition } from './definition.ts';
import type { CommandRequest } from './invocation.ts';
import { parseCommandText } from './text-syntax.ts';

/** For the log line: option names with the length of each value, never the values. */
export type InputShape = { options: Record<string, number> } | { textLength: number };

/** The command id (when the text names one) and the input's shape. */
export function describeInput(
  request: CommandRequest,
  definitions: readonly CommandDefinition[],
): { command: string; input: InputShape } {
  if (!('text' in request)) return { command: request.command, input: { options: lengths(request.options) } };
  const parsed = parseCommandText(request.text, definitions);
  // Text that does not parse may be anything (a code pasted alone): only its length is safe.
  if (!parsed.ok) {
    const command = 'definition' in parsed ? commandId(parsed.definition) : 'unknown';
    return { command, input: { textLength: request.text.length } };
  }
  return { command: commandId(parsed.value.definition), input: { options: lengths(parsed.value.options) } };
}

function lengths(options: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(options).map(([name, value]) => [name, valueText(value).length]));
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/**
 * The command as the person could type it again (`announce send text:"…"`); empty when there
 * was nothing to keep (no options). Structured requests come from forms and slash commands,
 * so they are written in the text syntax the console and Slack accept.
 */
export function retypableInput(request: CommandRequest, definitions: readonly CommandDefinition[]): string {
  if ('text' in request) {
    const parsed = parseCommandText(request.text, definitions);
    const bare =
      parsed.ok && Object.keys(parsed.value.options).length === 0 && parsed.value.rest.length === 0;
    return bare ? '' : request.text.trim();
  }
  const entries = Object.entries(request.options).filter(
    ([, value]) => value !== undefined && value !== null,
  );
  if (entries.length === 0) return '';
  const definition = definitions.find((d) => commandId(d) === request.command);
  const words = definition ? definition.path.join(' ') : request.command;
  return [words, ...entries.map(([name, value]) => `${name}:${quoted(valueText(value))}`)].join(' ');
}

/** A value with the first quote pair it does not contain (the parser accepts several). */
function quoted(value: string): string {
  if (value !== '' && !/[\s"'“”„‘’«»]/.test(value)) return value;
  const pair = [
    ['"', '"'],
    ["'", "'"],
    ['“', '”'],
    ['«', '»'],
  ].find(([, close]) => !value.includes(close ?? ''));
  const [open, close] = pair ?? ['"', '"'];
  return `${open}${value}${close}`;
}
