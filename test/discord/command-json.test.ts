/**
 * The generated slash commands: within Discord's limits, mapping back to the core's commands,
 * and the same as the reviewed file generated/discord-commands.json (`npm run commands:discord`
 * rewrites it; this test fails while it is stale).
 */
import { fileURLToPath } from 'node:url';
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandList } from '../../commands/index.ts';
import { discordCommands, type DiscordCommandJson } from '../../src/adapters/discord/command-json.ts';
import { commandPath, commandRequestName } from '../../src/adapters/discord/interaction-input.ts';

const commands = discordCommands(commandList);
const GENERATED = fileURLToPath(new URL('../../generated/discord-commands.json', import.meta.url));
/**
 * Discord's locales among the catalog languages (discord-api-docs reference#locales: `cs`, `de`,
 * `pl`, `fr`; it has no Slovak), written here rather than read from the code under test.
 */
const LOCALES = ['cs', 'de', 'fr', 'pl'];

/**
 * Discord's limits as its documentation states them (discord-api-docs, interactions/
 * application-commands: application command naming, the command, option and choice structures,
 * "Slash commands can have a maximum of 8000 characters …", "up to 100 global CHAT_INPUT
 * commands"), written here rather than read from the code under test.
 */
const DISCORD = {
  /** CHAT_INPUT names; letters with a lowercase variant must be lowercase (checked apart). */
  name: /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u,
  descriptionLength: 100,
  options: 25,
  choices: 25,
  choiceNameLength: 100,
  choiceValueLength: 100,
  stringLength: 6000,
  globalChatInputCommands: 100,
  commandSize: 8000,
} as const;

function checkName(
  name: string,
  localized: Record<string, string | null> | null | undefined,
  where: string,
): void {
  for (const [locale, text] of [['default', name] as const, ...Object.entries(localized ?? {})]) {
    expect(text, `${where} name (${locale})`).toMatch(DISCORD.name);
    expect(text, `${where} name (${locale}) lowercase`).toBe(text?.toLowerCase());
  }
}

/**
 * The documented size: name, description and value of the command, its options (subcommands
 * and groups included) and choices; of a localized field only its longest text counts.
 */
function documentedSize(command: DiscordCommandJson): number {
  type Localized = { [key: string]: unknown };
  const longest = (item: Localized, field: 'name' | 'description'): number => {
    const texts = [item[field], ...Object.values((item[`${field}_localizations`] as Localized | null) ?? {})];
    return Math.max(0, ...texts.map((t) => (typeof t === 'string' ? t.length : 0)));
  };
  const options = (item: Localized): Localized[] => (item['options'] as Localized[] | undefined) ?? [];
  const sizeOf = (item: Localized): number =>
    longest(item, 'name') +
    longest(item, 'description') +
    ((item['choices'] as Localized[] | undefined) ?? []).reduce(
      (sum, choice) => sum + longest(choice, 'name') + String(choice['value']).length,
      0,
    ) +
    options(item).reduce((sum, option) => sum + sizeOf(option), 0);
  return sizeOf(command as unknown as Localized);
}

function checkText(text: string | undefined, where: string): void {
  expect(text?.length, where).toBeGreaterThanOrEqual(1);
  expect(text?.length, where).toBeLessThanOrEqual(DISCORD.descriptionLength);
}

function checkLocalized(
  item: { description: string; description_localizations?: Record<string, string | null> | null },
  where: string,
): void {
  checkText(item.description, `${where} description`);
  const localized = item.description_localizations ?? {};
  expect(Object.keys(localized).sort(), `${where}: a description in every Discord locale`).toEqual(LOCALES);
  for (const [locale, text] of Object.entries(localized)) {
    expect(LOCALES, `${where}: locale ${locale}`).toContain(locale);
    checkText(text ?? undefined, `${where} description (${locale})`);
  }
}

function checkLeaf(option: APIApplicationCommandBasicOption, where: string): void {
  checkName(option.name, option.name_localizations, where);
  checkLocalized(option, where);
  if ('choices' in option && option.choices) {
    expect(option.choices.length, `${where} choices`).toBeLessThanOrEqual(DISCORD.choices);
    expect('autocomplete' in option && option.autocomplete, `${where}: choices and autocomplete`).toBeFalsy();
    for (const choice of option.choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(DISCORD.choiceNameLength);
      expect(Object.keys(choice.name_localizations ?? {}).sort(), `${where} ${choice.value}`).toEqual(
        LOCALES,
      );
      for (const name of Object.values(choice.name_localizations ?? {})) {
        expect(name?.length).toBeLessThanOrEqual(DISCORD.choiceNameLength);
      }
      expect(String(choice.value).length).toBeLessThanOrEqual(DISCORD.choiceValueLength);
    }
  }
  if (option.type === ApplicationCommandOptionType.String) {
    expect(option.max_length ?? 0, `${where} max_length`).toBeLessThanOrEqual(DISCORD.stringLength);
    expect(option.min_length ?? 0).toBeLessThanOrEqual(option.max_length ?? DISCORD.stringLength);
  }
  if (option.type === ApplicationCommandOptionType.Integer) {
    expect(option.min_value ?? -Infinity).toBeLessThanOrEqual(option.max_value ?? Infinity);
  }
}

/** Leaves of one (sub)command: unique names, at most 25, required ones first. */
function checkLeaves(options: readonly APIApplicationCommandOption[], where: string): void {
  expect(options.length, `${where} options`).toBeLessThanOrEqual(DISCORD.options);
  expect(new Set(options.map((o) => o.name)).size, `${where} option names`).toBe(options.length);
  const required = options.map((o) => 'required' in o && o.required === true);
  expect(required, `${where}: required options first`).toEqual(
    [...required].sort((a, b) => Number(b) - Number(a)),
  );
  for (const option of options) {
    expect(
      option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup,
      `${where} ${option.name}: no deeper nesting`,
    ).toBe(false);
    checkLeaf(option as APIApplicationCommandBasicOption, `${where} ${option.name}`);
  }
}

/** Every invocable path of a command, with its leaf options. */
function invocations(
  command: DiscordCommandJson,
): { path: string[]; options: readonly APIApplicationCommandOption[] }[] {
  const options = command.options ?? [];
  const isSub = (o: APIApplicationCommandOption) =>
    o.type === ApplicationCommandOptionType.Subcommand ||
    o.type === ApplicationCommandOptionType.SubcommandGroup;
  if (!options.some(isSub)) return [{ path: [command.name], options }];
  return options.flatMap((o) => {
    if (o.type === ApplicationCommandOptionType.SubcommandGroup) {
      return (o.options ?? []).map((sub) => ({
        path: [command.name, o.name, sub.name],
        options: sub.options ?? [],
      }));
    }
    if (o.type === ApplicationCommandOptionType.Subcommand)
      return [{ path: [command.name, o.name], options: o.options ?? [] }];
    return [];
  });
}

describe('Discord slash commands generated from commands/', () => {
  it('are within Discord’s limits: names, descriptions, localizations, options, choices, sizes', () => {
    expect(commands.length).toBeLessThanOrEqual(DISCORD.globalChatInputCommands);
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const command of commands) {
      const where = `/${command.name}`;
      checkName(command.name, command.name_localizations, where);
      checkLocalized(command, where);
      expect(documentedSize(command), `${where} size`).toBeLessThanOrEqual(DISCORD.commandSize);
      const options = command.options ?? [];
      expect(options.length, `${where} subcommands`).toBeLessThanOrEqual(DISCORD.options);
      for (const option of options) {
        if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
          checkName(option.name, option.name_localizations, `${where} ${option.name}`);
          checkLocalized(option, `${where} ${option.name}`);
          expect(option.options?.length ?? 0).toBeLessThanOrEqual(DISCORD.options);
          for (const sub of option.options ?? []) {
            checkName(sub.name, sub.name_localizations, `${where} ${option.name} ${sub.name}`);
            checkLocalized(sub, `${where} ${option.name} ${sub.name}`);
            checkLeaves(sub.options ?? [], `${where} ${option.name} ${sub.name}`);
          }
        } else if (option.type === ApplicationCommandOptionType.Subcommand) {
          checkName(option.name, option.name_localizations, `${where} ${option.name}`);
          checkLocalized(option, `${where} ${option.name}`);
          checkLeaves(option.options ?? [], `${where} ${option.name}`);
        }
      }
      if (
        !options.some(
          (o) =>
            o.type === ApplicationCommandOptionType.Subcommand ||
            o.type === ApplicationCommandOptionType.SubcommandGroup,
        )
      ) {
        checkLeaves(options, where);
      }
    }
  });

  it('cover every command exactly once, and an invocation maps back to its command id', () => {
    const paths = commands.flatMap(invocations).map((i) => i.path);
    expect(paths.map((p) => p.join('.')).sort()).toEqual(commandList.map((d) => d.path.join('.')).sort());
    for (const path of paths) {
      const [name, group, sub] = path.length === 3 ? path : [path[0], undefined, path[1]];
      expect(commandRequestName(commandPath(name ?? '', group, sub))).toBe(path.join('.'));
    }
    expect(commandRequestName(['event', 'archive'])).toBe('event archive');
  });

  it('type each option as the definition says, with its choices, bounds and localizations', () => {
    const event = commands.find((c) => c.name === 'event');
    const create = event?.options?.find((o) => o.name === 'create');
    const options = create && 'options' in create ? (create.options ?? []) : [];
    const byName = Object.fromEntries(options.map((o) => [o.name, o]));
    expect(byName['partnership']).toMatchObject({
      type: ApplicationCommandOptionType.Integer,
      required: true,
      min_value: 1,
      autocomplete: true,
    });
    expect(byName['kind']).toMatchObject({ type: ApplicationCommandOptionType.String, required: true });
    const kind = byName['kind'];
    expect(kind && 'choices' in kind ? kind.choices?.[0] : undefined).toEqual({
      name: 'Delegation visit',
      name_localizations: {
        cs: 'Návštěva delegace',
        de: 'Delegationsbesuch',
        pl: 'Wizyta delegacji',
        fr: 'Visite de délégation',
      },
      value: 'delegation-visit',
    });
    expect(byName['capacity']).toMatchObject({ min_value: 1, max_value: 100000 });
    expect(byName['title']).toMatchObject({
      max_length: 200,
      description_localizations: { cs: 'Název', de: 'Titel', pl: 'Tytuł', fr: 'Titre' },
    });
    const town = commands.find((c) => c.name === 'town');
    const coordinator = town?.options?.find((o) => o.name === 'coordinator');
    expect(coordinator?.type).toBe(ApplicationCommandOptionType.SubcommandGroup);
    const add =
      coordinator && 'options' in coordinator
        ? coordinator.options?.find((o) => o.name === 'add')
        : undefined;
    expect(add && 'options' in add ? add.options?.[0] : undefined).toMatchObject({
      type: ApplicationCommandOptionType.User,
      name: 'user',
      required: true,
    });
    // Single-word commands take their options directly; everything is for servers only.
    expect(commands.find((c) => c.name === 'rsvp')?.options?.map((o) => o.name)).toEqual([
      'event',
      'answer',
      'guests',
    ]);
    for (const command of commands) expect(command).toMatchObject({ contexts: [0], integration_types: [0] });
  });

  it('show groups meant for coordinators and server admins only to Manage Server until a role is granted them', () => {
    // Manage Server is bit 1 << 5 in Discord's permission bitfield, sent as a string.
    const restricted = Object.fromEntries(
      commands.map((command) => [command.name, command.default_member_permissions]),
    );
    const expected = Object.fromEntries(
      commands.map((command) => {
        const members = commandList.filter((d) => d.path[0] === command.name);
        const adminsOnly = members.every((d) => d.role === 'coordinator' || d.communityAdmin === true);
        return [command.name, adminsOnly ? '32' : undefined];
      }),
    );
    expect(restricted).toEqual(expected);
    // A group with something for every member stays visible: the bus refuses the rest.
    expect(restricted).toMatchObject({ announce: '32', channel: '32', town: undefined, partner: undefined });
  });

  it('match the reviewed file generated/discord-commands.json (npm run commands:discord updates it)', async () => {
    await expect(
      `${JSON.stringify(commands, null, 2)}\n`,
      'generated/discord-commands.json is stale: run npm run commands:discord',
    ).toMatchFileSnapshot(GENERATED);
  });
});
