/**
 * The console session itself, on a fake InboundPort (no core, no database): Tab completion of
 * directives, commands and options at the interactive prompt, a channel that belongs to its
 * community when `:community` switches, and `:help` listing every directive.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import { commandCompleter } from '../../src/adapters/console/console-completer.ts';
import { CONSOLE_HELP, ConsoleSession } from '../../src/adapters/console/console-session.ts';
import type { TextCommandRequest } from '../../src/core/commands/invocation.ts';
import { FakeInboundPort } from '../support/fake-inbound-port.ts';

const complete = commandCompleter(commandList, ['as', 'community', 'channel', 'help']);

describe('Tab completion', () => {
  it('completes groups, verbs, and the options a command has not been given yet', () => {
    expect(complete('ev')).toEqual([['event'], 'ev']);
    expect(complete('event cr')).toEqual([['create'], 'cr']);
    expect(complete('town coordinator ')).toEqual([['add', 'remove'], '']);
    expect(complete('rsvp ')).toEqual([['event:', 'answer:', 'guests:'], '']);
    expect(complete('rsvp event:1 ')).toEqual([['answer:', 'guests:'], '']);
    expect(complete('event create title:"Old Mill" st')).toEqual([['start:'], 'st']);
    expect(complete(':c')).toEqual([[':community', ':channel'], ':c']);
  });

  it('offers nothing while a value is typed, or after words that name no command', () => {
    expect(complete('rsvp answer:go')).toEqual([[], 'answer:go']);
    expect(complete('xylophone ')).toEqual([[], '']);
  });
});

/** The text commands a script (or the keys typed at the prompt) sent to the core. */
async function sent(input: Readable, interactive: boolean): Promise<{ texts: string[]; channels: string[] }> {
  const inbound = new FakeInboundPort();
  const output = new PassThrough().resume();
  await new ConsoleSession({ inbound, output, interactive }).run(input);
  const requests = inbound.commands as TextCommandRequest[];
  return { texts: requests.map((r) => r.text), channels: requests.map((r) => r.channel.name) };
}

describe('the console session', () => {
  it('completes what is typed at the interactive prompt when Tab is pressed', async () => {
    const keys = Readable.from(['town in', '\t', '\r', 'rsvp ev', '\t', '1 answer:going\r']);
    expect((await sent(keys, true)).texts).toEqual(['town info', 'rsvp event:1 answer:going']);
  });

  it('keeps a channel with its community: a new community starts in #general', async () => {
    const script = [
      ':community krumlov',
      ':channel partneri',
      'town info',
      ':community passau',
      'town info',
      ':channel partnerstadt',
      ':community krumlov',
      'town info',
      ':community passau',
      'town info',
    ];
    const { channels } = await sent(Readable.from(script.map((line) => `${line}\n`)), false);
    expect(channels).toEqual(['partneri', 'general', 'partneri', 'partnerstadt']);
  });

  it('lists every directive in :help, :help itself included, and the quotes values take', () => {
    for (const directive of [':as', ':community', ':channel', ':where', ':say', ':help', ':quit'])
      expect(CONSOLE_HELP).toContain(`\n  ${directive} `);
    expect(CONSOLE_HELP).toContain(`"…" or '…'`);
    expect(CONSOLE_HELP.replaceAll('\n', ' ')).toContain(
      String.raw`inside them \" (or \') stands for the quote itself and \\ for a backslash`,
    );
  });
});
