/**
 * The isolation matrices of docs/SECURITY.md ("What isolates towns"), generated from the command
 * definitions so that a command added later is tried too: every coordinator-only command tried by a
 * plain member, every admin-only command tried by a member without the platform's admin right, and
 * every command that names a partnership, exchange or announcement tried by an unrelated town.
 * Each adapter's suite turns an Attempt into its own request (console text, Slack `/twin` text, a
 * Discord slash command) and checks the refusal it shows and that nothing was written.
 */
import { expect } from 'vitest';
import { commandList } from '../../commands/index.ts';
import type { CommandDefinition, OptionSpec } from '../../src/core/commands/definition.ts';
import type { Database } from '../../src/db/open-database.ts';

/** One command with option values that pass validation, so the refusal comes from the check tried. */
export interface Attempt {
  definition: CommandDefinition;
  path: readonly string[];
  options: Record<string, string | number | boolean>;
}

/** The numbers the attempt names: another town's objects, or numbers nobody has. */
export interface Targets {
  partnership: number;
  exchange: number;
  announcement: number;
}

/** Partnership #1 with its exchange #1 and announcement #1: the towns under attack own them. */
export const VICTIM: Targets = { partnership: 1, exchange: 1, announcement: 1 };
/** Numbers nobody has: the answer an outsider must not be able to tell from the VICTIM's. */
export const NOBODYS: Targets = { partnership: 999, exchange: 999, announcement: 999 };

/** The not-found refusals for the VICTIM's numbers in English, written out. */
/** The command named is written as it is typed there: bare, `/` (Discord) or `/twin ` (Slack). */
export const NOT_FOUND_EN =
  /^(Your town has no partnership number 1\. See “(\/|\/twin )?partner list”\.|There is no event number 1 in your partnerships\. See “(\/|\/twin )?event list”\.|There is no announcement number 1 in your partnerships\.)$/;

/** How an adapter names a person in a `user:` option (console name, Slack mention, Discord user). */
export type UserValue = string;

/**
 * Values the handlers would otherwise refuse before the check tried (a start time, the text of an
 * announcement, when to send it). Options not listed here and not required are left out.
 */
const MEANINGFUL: Record<string, string> = {
  title: 'Matrix visit',
  text: 'Matrix text',
  start: '2027-07-06 10:00',
  at: '2027-07-06 10:00',
  town: 'Matrix Town',
  invite: 'ABCD',
  code: 'ABCD-EFGH-JKMN-PQRS',
};

function sampleValue(name: string, spec: OptionSpec, targets: Targets, user: UserValue) {
  switch ('autocomplete' in spec ? spec.autocomplete : undefined) {
    case 'partnership':
      return targets.partnership;
    case 'exchange':
      return targets.exchange;
    case 'announcement':
      return targets.announcement;
    case 'timezone':
      return 'Europe/Prague';
    case 'country':
      return 'CZ';
    default:
      break;
  }
  if (MEANINGFUL[name] !== undefined) return MEANINGFUL[name];
  switch (spec.type) {
    case 'integer':
      return spec.min ?? 1;
    case 'choice':
      return spec.choices[0]?.value ?? 'x';
    case 'boolean':
      return true;
    case 'user':
      return user;
    case 'list':
      return 'x';
    default:
      return name === 'language' ? 'en' : 'x';
  }
}

/** The attempt of one command: its required options, the meaningful ones, and every target. */
export function attemptOf(definition: CommandDefinition, targets: Targets, user: UserValue): Attempt {
  const options: Attempt['options'] = {};
  for (const [name, spec] of Object.entries(definition.options)) {
    const target = targetOf(spec) !== undefined;
    if (spec.required || target || MEANINGFUL[name] !== undefined)
      options[name] = sampleValue(name, spec, targets, user);
  }
  return { definition, path: definition.path, options };
}

function targetOf(spec: OptionSpec): keyof Targets | undefined {
  const source = 'autocomplete' in spec ? spec.autocomplete : undefined;
  if (source === 'exchange') return 'exchange';
  return source === 'partnership' || source === 'announcement' ? source : undefined;
}

/** Commands only a coordinator may run (role `coordinator`). */
export const COORDINATOR_ONLY = commandList.filter((definition) => definition.role === 'coordinator');

/** Commands that need the platform's admin right (Discord Manage Server, Slack workspace admin). */
export const COMMUNITY_ADMIN_ONLY = commandList.filter((definition) => definition.communityAdmin);

/**
 * Commands that name another town's object by number: a partnership, an exchange or an
 * announcement. `partner invite` names a partnership only to invite into it.
 */
export const TARGETED = commandList.filter((definition) =>
  Object.values(definition.options).some((spec) => targetOf(spec) !== undefined),
);

/** The request as typed on the console and in Slack (`/twin …`): `path name:value …`, quoted where needed. */
export function asText(attempt: Attempt): string {
  const quoted = (value: string | number | boolean) => {
    const text = String(value);
    return /[\s"]/.test(text) ? `"${text.replaceAll('"', '\\"')}"` : text;
  };
  return [
    ...attempt.path,
    ...Object.entries(attempt.options).map(([name, value]) => `${name}:${quoted(value)}`),
  ].join(' ');
}

/** The request as a Discord slash command: `/town coordinator add user:…` has a subcommand group. */
export function asSlashCommand(attempt: Attempt): {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options: Attempt['options'];
} {
  const [name = '', ...rest] = attempt.path;
  if (rest.length === 2)
    return { name, subcommandGroup: rest[0], subcommand: rest[1], options: attempt.options };
  return rest.length === 1
    ? { name, subcommand: rest[0], options: attempt.options }
    : { name, options: attempt.options };
}

/**
 * Everything a command could have written, as one comparable value: the rows of every table that
 * holds what towns share or plan, and the outbox. The audit log and failed-join counts are left
 * out: a refusal may be recorded.
 */
export async function writtenState(database: Database): Promise<string> {
  const p = database.prisma;
  const byId = { orderBy: { id: 'asc' } } as const;
  const rows = await Promise.all([
    p.community.findMany(byId),
    p.town.findMany(byId),
    p.partnership.findMany(byId),
    p.partnershipTown.findMany({ orderBy: [{ partnershipId: 'asc' }, { townId: 'asc' }] }),
    p.member.findMany(byId),
    p.exchange.findMany(byId),
    p.rsvp.findMany(byId),
    p.channelLink.findMany(byId),
    p.invite.findMany(byId),
    p.announcement.findMany(byId),
    p.delivery.findMany(byId),
  ]);
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

/** Tries an attempt in one adapter and returns the refusal's text as the person saw it. */
export type TryAttempt = (attempt: Attempt) => Promise<string>;

/** Each command, tried against the VICTIM, is refused with `refusal(command path)`. */
export async function expectEachRefused(
  definitions: readonly CommandDefinition[],
  user: UserValue,
  tryAttempt: TryAttempt,
  refusal: (command: string) => string,
): Promise<void> {
  for (const definition of definitions) {
    const command = definition.path.join(' ');
    expect(await tryAttempt(attemptOf(definition, VICTIM, user)), command).toBe(refusal(command));
  }
}

/**
 * Each command, tried by an outsider against the VICTIM, is refused as not found (in English),
 * exactly as the same command naming numbers nobody has: the refusal tells nothing.
 */
export async function expectEachUnknownToOutsiders(
  definitions: readonly CommandDefinition[],
  user: UserValue,
  tryAttempt: TryAttempt,
): Promise<void> {
  for (const definition of definitions) {
    const command = definition.path.join(' ');
    const refusal = await tryAttempt(attemptOf(definition, VICTIM, user));
    expect(refusal, command).toMatch(NOT_FOUND_EN);
    const forNobodys = await tryAttempt(attemptOf(definition, NOBODYS, user));
    expect(forNobodys.replaceAll('999', '1'), command).toBe(refusal);
  }
}

/** Runs `body` and checks that nothing a command could write changed meanwhile. */
export async function expectNoWrites(database: Database, body: () => Promise<void>): Promise<void> {
  const before = await writtenState(database);
  await body();
  expect(await writtenState(database)).toBe(before);
}
