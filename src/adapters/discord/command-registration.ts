/**
 * Registers the generated slash commands with Discord (bulk overwrite, globally or to one
 * server) and says what changed compared with what Discord had. Commands keep their ids across
 * an overwrite when their name stays, so members' permissions set per command survive.
 */
import {
  ApplicationCommandType,
  Routes,
  type APIApplication,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type LocalizationMap,
  type REST,
} from 'discord.js';
import { forGuild, type DiscordCommandJson } from './command-json.ts';

export interface RegistrationResult {
  applicationId: string;
  /** `global`, or the server the commands were registered to. */
  scope: 'global' | { guildId: string };
  added: string[];
  /** Commands whose definition changed, with the subcommands that did where that says more. */
  changed: { name: string; parts: string[] }[];
  removed: string[];
  unchanged: string[];
  /** Whether anything was sent (false for a dry run or when nothing changed). */
  written: boolean;
}

/** What comparing needs of a command, as sent or as Discord returns it. */
interface CommandLike {
  name: string;
  name_localizations?: LocalizationMap | null;
  description: string;
  description_localizations?: LocalizationMap | null;
  options?: readonly APIApplicationCommandOption[];
  default_member_permissions?: string | null;
  nsfw?: boolean;
  contexts?: readonly number[] | null;
  integration_types?: readonly number[];
}

function sortedMap(map: LocalizationMap | null | undefined): Record<string, string> {
  const entries = Object.entries(map ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** An option with Discord's defaults filled in and keys in a fixed order, for comparison. */
function canonicalOption(option: APIApplicationCommandOption): unknown {
  const o = option as APIApplicationCommandOption & Record<string, unknown>;
  const choices = Array.isArray(o.choices)
    ? (o.choices as { name: string; name_localizations?: LocalizationMap | null; value: string | number }[])
    : [];
  return {
    type: o.type,
    name: o.name,
    name_localizations: sortedMap(o.name_localizations),
    description: o.description,
    description_localizations: sortedMap(o.description_localizations),
    required: o.required === true,
    choices: choices.map((c) => ({
      name: c.name,
      name_localizations: sortedMap(c.name_localizations),
      value: c.value,
    })),
    min_value: o.min_value,
    max_value: o.max_value,
    min_length: o.min_length,
    max_length: o.max_length,
    autocomplete: o.autocomplete === true,
    channel_types: o.channel_types,
    options: Array.isArray(o.options)
      ? (o.options as APIApplicationCommandOption[]).map(canonicalOption)
      : [],
  };
}

function canonical(command: CommandLike, guild: boolean): string {
  return JSON.stringify({
    name: command.name,
    name_localizations: sortedMap(command.name_localizations),
    description: command.description,
    description_localizations: sortedMap(command.description_localizations),
    options: (command.options ?? []).map(canonicalOption),
    default_member_permissions: command.default_member_permissions ?? null,
    nsfw: command.nsfw === true,
    // Guild commands have neither (Discord ignores them there).
    ...(guild
      ? {}
      : { contexts: command.contexts ?? null, integration_types: command.integration_types ?? [0] }),
  });
}

/** The subcommands (or groups) of a command that differ, by name. */
function changedParts(before: CommandLike, after: CommandLike): string[] {
  const parts = (c: CommandLike) =>
    new Map((c.options ?? []).map((o) => [o.name, JSON.stringify(canonicalOption(o))]));
  const a = parts(before);
  const b = parts(after);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  const differing = names.filter((n) => a.get(n) !== b.get(n));
  const ownChanged =
    canonical({ ...before, options: [] }, true) !== canonical({ ...after, options: [] }, true);
  return ownChanged ? ['description', ...differing] : differing;
}

export function planRegistration(
  existing: readonly CommandLike[],
  wanted: readonly CommandLike[],
  guild: boolean,
): Pick<RegistrationResult, 'added' | 'changed' | 'removed' | 'unchanged'> {
  const before = new Map(existing.map((c) => [c.name, c]));
  const result = {
    added: [] as string[],
    changed: [] as { name: string; parts: string[] }[],
    removed: [] as string[],
    unchanged: [] as string[],
  };
  for (const command of wanted) {
    const old = before.get(command.name);
    if (!old) result.added.push(command.name);
    else if (canonical(old, guild) !== canonical(command, guild)) {
      result.changed.push({ name: command.name, parts: changedParts(old, command) });
    } else result.unchanged.push(command.name);
  }
  const names = new Set(wanted.map((c) => c.name));
  result.removed = existing.filter((c) => !names.has(c.name)).map((c) => c.name);
  return result;
}

export async function registerCommands(
  rest: REST,
  options: { commands: readonly DiscordCommandJson[]; guildId?: string | undefined; dryRun?: boolean },
): Promise<RegistrationResult> {
  const application = (await rest.get(Routes.currentApplication())) as APIApplication;
  const route = options.guildId
    ? Routes.applicationGuildCommands(application.id, options.guildId)
    : Routes.applicationCommands(application.id);
  const body = options.guildId ? options.commands.map(forGuild) : [...options.commands];
  // Full localization maps rather than only the caller's language.
  const existing = (await rest.get(route, {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as APIApplicationCommand[];
  const plan = planRegistration(
    existing.filter((c) => c.type === ApplicationCommandType.ChatInput),
    body,
    Boolean(options.guildId),
  );
  const needed = plan.added.length + plan.changed.length + plan.removed.length > 0;
  if (needed && !options.dryRun) await rest.put(route, { body });
  return {
    applicationId: application.id,
    scope: options.guildId ? { guildId: options.guildId } : 'global',
    ...plan,
    written: needed && !options.dryRun,
  };
}

/** A few lines for a person: what was (or would be) added, changed and removed. */
export function describeRegistration(result: RegistrationResult, dryRun = false): string {
  const where = result.scope === 'global' ? 'globally' : `to server ${result.scope.guildId}`;
  const lines: string[] = [];
  for (const name of result.added) lines.push(`  + /${name}`);
  for (const { name, parts } of result.changed) {
    lines.push(`  ~ /${name}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`);
  }
  for (const name of result.removed) lines.push(`  - /${name}`);
  if (result.unchanged.length > 0) lines.push(`  = ${result.unchanged.map((n) => `/${n}`).join(' ')}`);
  const changes = result.added.length + result.changed.length + result.removed.length;
  const verdict =
    changes === 0
      ? `Discord already has these commands ${where}: nothing to register.`
      : dryRun
        ? `Would register ${where} (dry run, nothing sent):`
        : `Registered ${where}:`;
  const note =
    changes > 0 && !dryRun && result.scope === 'global'
      ? [
          'Global commands can take a while to appear in every server; DISCORD_GUILD_ID registers to one server at once.',
        ]
      : [];
  return [`Application ${result.applicationId}. ${verdict}`, ...(changes === 0 ? [] : lines), ...note].join(
    '\n',
  );
}
