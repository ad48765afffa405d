/**
 * A row a command writes to is gone (another command deleted it meanwhile): Prisma's P2025 comes
 * back as NotFoundError, and the person is told so in their language instead of getting an
 * "unexpected error" reference. Runs on both engines: each reports the missing row itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandRoutes } from '../../src/command-routes.ts';
import { CommandBus } from '../../src/core/commands/command-bus.ts';
import { route } from '../../src/core/commands/command-route.ts';
import { defineCommand } from '../../src/core/commands/definition.ts';
import type { CommandContext } from '../../src/core/commands/command-bus.ts';
import type { Reply } from '../../src/core/commands/invocation.ts';
import type { Logger } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import { PrismaStore } from '../../src/db/prisma-store.ts';
import { CronRecurrence } from '../../src/scheduler/cron-recurrence.ts';
import { DATABASE_KINDS, createTestDatabase } from '../support/test-database.ts';

/** Stands for a command whose exchange was deleted between its read and its write. */
const renameGoneExchange = defineCommand({
  path: ['test', 'rename-gone-exchange'],
  role: 'anyone',
  description: { en: 'Renames an exchange that no longer exists' },
  options: {},
});

async function renameMissingExchange(ctx: CommandContext): Promise<Reply> {
  await ctx.repos.exchanges.update('00000000-0000-4000-8000-000000000000', { title: 'Renamed' });
  return { private: true, text: 'renamed' };
}

describe.each(DATABASE_KINDS)('a write to a row that is gone (%s)', (kind) => {
  let database: Database;
  let bus: CommandBus;
  const errors: object[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (details) => errors.push(details),
    };
    bus = new CommandBus({
      store: new PrismaStore(database.prisma),
      clock: { now: () => new Date('2026-11-23T10:00:00Z') },
      logger,
      recurrence: new CronRecurrence(),
      routes: [...commandRoutes, route(renameGoneExchange, renameMissingExchange)],
    });
  });
  afterAll(() => database.close());

  const run = (locale: string) =>
    bus.run({
      actor: {
        platform: 'CONSOLE',
        communityExternalId: `gone-${locale}`,
        communityName: 'gone',
        userId: 'jana',
        displayName: 'jana',
        communityAdmin: true,
      },
      channel: { id: 'general', name: 'general' },
      locale,
      text: 'test rename-gone-exchange',
    });

  it('answers that it was removed meanwhile, in English and Czech, and logs no failure', async () => {
    const english = await run('en');
    expect(english.error).toEqual({ key: 'error.gone' });
    expect(english.text).toBe(
      'What this needed was removed a moment ago by someone else. Nothing was changed; check and try again.',
    );
    const czech = await run('cs');
    expect(czech.text).toBe(
      'Co příkaz potřeboval, mezitím někdo jiný odstranil. Nic se nezměnilo, zkontrolujte to a zkuste to prosím znovu.',
    );
    expect(errors).toEqual([]);
  });
});
