/**
 * What `help` answers, written out literally: the list's columns and heading on each platform's
 * syntax, a group's verbs, one command's usage, and a command nobody has. Driven through the
 * handler with a few real definitions, so the expected columns are short enough to write down.
 */
import { describe, expect, it } from 'vitest';
import { eventInfo, eventList } from '../../commands/event.ts';
import { help, profileShow } from '../../commands/profile.ts';
import type { CommandContext } from '../../src/core/commands/command-bus.ts';
import { commandSyntax } from '../../src/core/commands/command-syntax.ts';
import type { Platform } from '../../src/core/domain/model.ts';
import { UserError } from '../../src/core/errors.ts';
import { translatorFor } from '../../src/core/i18n/translator.ts';
import { showHelp } from '../../src/core/services/profile-commands.ts';

const DEFINITIONS = [help, eventList, eventInfo, profileShow];

/** The parts of a command's context help reads; nothing else is touched. */
function contextOn(platform: Platform): CommandContext {
  const syntax = commandSyntax(platform);
  return {
    language: 'en',
    t: translatorFor('en', syntax.prefix),
    syntax,
    definitions: DEFINITIONS,
  } as unknown as CommandContext;
}

async function helpText(platform: Platform, command?: string): Promise<string> {
  const reply = await showHelp(contextOn(platform), command === undefined ? {} : { command });
  expect(reply.private).toBe(true);
  return reply.text;
}

describe('help', () => {
  it('lists the commands in a column as wide as the longest name, on the console', async () => {
    expect(await helpText('CONSOLE')).toBe(
      [
        'Commands (write options as name:value, quote values with spaces: "…"):',
        '  help          List commands, or explain one',
        '  event list    Upcoming events of your partnerships',
        '  event info    Show an event with its times, place and answers',
        '  profile show  Show your profile',
        'More about one command: help event create',
      ].join('\n'),
    );
  });

  it('lists Discord’s slash commands, with Discord’s heading and an example with its option', async () => {
    expect(await helpText('DISCORD')).toBe(
      [
        'Commands (type / and the command; Discord asks for each option):',
        '  /help          List commands, or explain one',
        '  /event list    Upcoming events of your partnerships',
        '  /event info    Show an event with its times, place and answers',
        '  /profile show  Show your profile',
        'More about one command: /help command:event create',
      ].join('\n'),
    );
  });

  it('answers a group name with the usage and description of each of its commands only', async () => {
    expect(await helpText('SLACK', 'event')).toBe(
      [
        '  /twin event list [partnership:<number>]',
        '      Upcoming events of your partnerships',
        '  /twin event info event:<number>',
        '      Show an event with its times, place and answers',
      ].join('\n'),
    );
  });

  it('explains one command typed with Slack’s slash command in front', async () => {
    const text = await helpText('SLACK', '/twin event info');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Show an event with its times, place and answers',
      'Usage: /twin event info event:<number>',
      '  event (required): Event number (see event list)',
    ]);
  });

  it('refuses a word that names no command, pointing to help as it is typed there', async () => {
    let refusal: unknown;
    try {
      await showHelp(contextOn('DISCORD'), { command: 'festival' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).key).toBe('help.unknown-command');
    expect((refusal as UserError).params).toEqual({ command: 'festival', help: '/help' });
  });
});
