/**
 * `town coordinator add` and `remove` through the console's real wiring: adding gives someone the
 * coordinator's commands, removing takes them away, the last coordinator stays, and plain members
 * cannot change who coordinates. Expected answers are written out in English, not translated.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { consoleHarness, type ConsoleHarness } from './console-harness.ts';

/** A town of its own per test (so no test leans on another): Alice coordinates, Bob and Carol are members. */
function townSetup(community: string): string {
  return `
:community ${community}
:channel twinning
:as alice
town register name:Oxford country:GB timezone:Europe/London language:en
:as bob
town info
:as carol
town info
:as alice
`;
}

/** Runs one line and returns the single answer the console printed for it (the echo dropped). */
async function answer(harness: ConsoleHarness, line: string): Promise<string> {
  const printed = await harness.run(line);
  return printed.split('\n').slice(1).join('\n').trim();
}

describe.each(DATABASE_KINDS)('town coordinators on %s', (kind) => {
  let database: Database;
  let harness: ConsoleHarness;

  let community = '';
  const roleOf = async (user: string) =>
    (
      await database.prisma.member.findFirstOrThrow({
        where: { platformUserId: user, community: { externalId: community } },
      })
    ).role;
  const coordinatorAudits = async () => {
    const town = await database.prisma.town.findFirstOrThrow({
      where: { community: { externalId: community } },
    });
    return database.prisma.auditEntry.count({
      where: { action: { startsWith: 'town.coordinator' }, townId: town.id },
    });
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = consoleHarness(database);
  });
  beforeEach(async (context) => {
    community = `oxford-${context.task.id}`;
    await harness.run(townSetup(community));
  });
  afterAll(async () => {
    await database.close();
  });

  // Naming coordinators needs the platform's admin right (Discord Manage Server, Slack workspace
  // admin): the Discord and Slack suites test the refusal. The console is local, whoever types is
  // its operator, so Bob may; what he may not do is run other coordinator commands.
  it('lets anyone at the (local) console name coordinators, but not run coordinator commands', async () => {
    await harness.run(':as bob');
    expect(await answer(harness, 'partner invite name:"Oxford – Bonn"')).toBe(
      '✗ Only a coordinator of your town can use “partner invite”.',
    );
    expect(await answer(harness, 'town coordinator add user:carol')).toBe(
      '✓ carol is now a coordinator of Oxford.',
    );
    expect(await roleOf('carol')).toBe('COORDINATOR');
    await harness.run(':as alice');
    await harness.run('town coordinator remove user:carol');
    expect(await roleOf('carol')).toBe('MEMBER');
  });

  it('refuses to remove the last coordinator and changes nothing', async () => {
    expect(await answer(harness, 'town coordinator remove user:alice')).toBe(
      '✗ alice is the last coordinator: make someone else coordinator first.',
    );
    expect(await roleOf('alice')).toBe('COORDINATOR');
    expect(await coordinatorAudits()).toBe(0);
    // Alice keeps her coordinator's commands.
    expect(await answer(harness, 'partner invite name:"Oxford – Leiden"')).toMatch(
      /^• Partnership #\d+ “Oxford – Leiden”/,
    );
  });

  it('makes a person coordinator, given as a mention, who can then run coordinator commands', async () => {
    expect(await answer(harness, 'town coordinator add user:@bob')).toBe(
      '✓ bob is now a coordinator of Oxford.',
    );
    expect(await roleOf('bob')).toBe('COORDINATOR');
    expect(await answer(harness, 'town info')).toContain('Coordinators: alice, bob');
    await harness.run(':as bob');
    expect(await answer(harness, 'partner invite name:"Oxford – Bonn"')).toMatch(
      /^• Partnership #\d+ “Oxford – Bonn”/,
    );
    // Adding again says so and changes nothing.
    expect(await answer(harness, 'town coordinator add user:alice')).toBe(
      '✗ alice is already a coordinator.',
    );
    await harness.run(':as alice');
  });

  it('takes coordination away from a removed coordinator, given in the platforms’ mention syntax', async () => {
    await answer(harness, 'town coordinator add user:bob');
    expect(await answer(harness, 'town coordinator remove user:<@bob>')).toBe(
      '✓ bob is no longer a coordinator of Oxford.',
    );
    expect(await roleOf('bob')).toBe('MEMBER');
    expect(await answer(harness, 'town info')).toContain('Coordinators: alice\n');
    await harness.run(':as bob');
    expect(await answer(harness, 'partner invite name:"Oxford – Lyon"')).toBe(
      '✗ Only a coordinator of your town can use “partner invite”.',
    );
    await harness.run(':as alice');
    // Removing someone who is not a coordinator is refused by name.
    expect(await answer(harness, 'town coordinator remove user:carol')).toBe(
      '✗ carol is not a coordinator of your town.',
    );
    expect(await coordinatorAudits()).toBe(2);
  });

  it('lets a second coordinator remove the first, but not then the last', async () => {
    await answer(harness, 'town coordinator add user:carol');
    await harness.run(':as carol');
    expect(await answer(harness, 'town coordinator remove user:alice')).toBe(
      '✓ alice is no longer a coordinator of Oxford.',
    );
    expect(await answer(harness, 'town coordinator remove user:carol')).toBe(
      '✗ carol is the last coordinator: make someone else coordinator first.',
    );
    expect(await roleOf('carol')).toBe('COORDINATOR');
    expect(await roleOf('alice')).toBe('MEMBER');
  });
});
