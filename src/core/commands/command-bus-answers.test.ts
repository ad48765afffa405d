/**
 * The command bus's answers: in which language, what a failure says and logs, and when the
 * outbox is woken. Fixtures and the in-memory store: test/support/command-bus-fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UserError } from '../errors.ts';
import { recordingLogger } from '../../../test/support/recording-logger.ts';
import { MemoryStore, actor, busFor, ping, text } from '../../../test/support/command-bus-fixtures.ts';
import { CommandBus } from './command-bus.ts';

describe('CommandBus: language of the answer', () => {
  it('prefers the person’s language, then the platform locale, then the town’s', async () => {
    const { bus, store } = busFor();
    const town = store.addTown('kolin', 'de');
    store.addMember(town, 'cz', { languages: ['cs'] });
    const czech = 'Napište příkaz, nebo „help“ pro přehled všech příkazů.';
    const german = 'Geben Sie einen Befehl ein oder „help“, um alle zu sehen.';
    expect((await bus.run(text('', actor('cz'), 'en'))).text).toBe(czech);
    expect((await bus.run(text('', actor('other'), 'cs'))).text).toBe(czech);
    expect((await bus.run(text('', actor('other'), 'pt-BR'))).text).toBe(german);
    expect((await bus.run(text('', actor('other')))).text).toBe(german);
    expect((await bus.run(text('', actor('x', 'elsewhere'), 'cs'))).text).toBe(czech);
    expect((await bus.run(text('', actor('x', 'elsewhere')))).text).toBe(
      'Type a command, or “help” to see them all.',
    );
  });

  it('gives the handler a translator in the chosen language', async () => {
    const {
      bus,
      store,
      seen: calls,
    } = busFor((ctx) => ({ text: ctx.t('command.usage', { usage: 'x' }), private: false }));
    const town = store.addTown('kolin');
    store.addMember(town, 'cz', { languages: ['cs'] });
    expect((await bus.run(text('ping member', actor('cz')))).text).toBe('Použití: x');
    expect(calls[0]?.ctx.language).toBe('cs');
  });

  it('reads typed times in the member’s language, as answers are written', async () => {
    const { bus, store, seen } = busFor(() => ({ text: 'ok', private: false }));
    const town = store.addTown('krakow', 'pl');
    store.addMember(town, 'ola');
    store.addMember(town, 'jan', { languages: ['en'] });
    await bus.run(text('ping member', actor('ola', 'krakow')));
    await bus.run(text('ping member', actor('ola', 'krakow'), 'de'));
    await bus.run(text('ping member', actor('jan', 'krakow'), 'en-US'));
    await bus.run(text('ping member', actor('jan', 'krakow'), 'cs'));
    expect(seen.map((s) => [s.ctx.language, s.ctx.phraseLocale])).toEqual([
      ['pl', 'pl'],
      ['de', 'de'],
      ['en', 'en-US'],
      ['en', 'en'],
    ]);
  });
});

describe('CommandBus: refusals without the database', () => {
  it('refuses bad options before any transaction once it knows the person’s language', async () => {
    const { bus, store } = busFor();
    const town = store.addTown('kolin', 'de');
    store.addMember(town, 'cz', { languages: ['cs'] });
    // Unknown so far: one read for the language, nothing written.
    const first = await bus.run(text('ping member count:9', actor('cz')));
    expect(first.text.split('\n')[0]).toBe('Hodnota „count“ smí být nejvýše 5.');
    expect(store.transactions).toBe(1);
    expect(store.memberWrites).toBe(0);
    const again = await bus.run(text('ping member count:0', actor('cz'), 'en'));
    expect(again.text.split('\n')[0]).toBe('Hodnota „count“ musí být alespoň 1.');
    expect(store.transactions).toBe(1);
    // The platform's locale comes before the town's, for a refusal too.
    expect((await bus.run(text('ping member count:9', actor('other'), 'cs'))).text).toMatch(
      /^Hodnota „count“ smí být nejvýše 5\./,
    );
    // A stranger's locale still decides for a stranger.
    expect((await bus.run(text('ping member count:9', actor('x', 'elsewhere'), 'de'))).text).toMatch(
      /^„count“ darf höchstens 5 sein\./,
    );
  });

  it('reads the language again after a command went through in the community', async () => {
    const { bus, store } = busFor();
    const town = store.addTown('kolin', 'de');
    const member = store.addMember(town, 'cz', { languages: ['cs'] });
    await bus.run(text('ping member count:9', actor('cz')));
    member.languages = ['en'];
    // Another member's command in the same community (it might have changed the town's language).
    expect((await bus.run(text('ping member', actor('other')))).error).toBeUndefined();
    const transactions = store.transactions;
    expect((await bus.run(text('ping member count:9', actor('cz')))).text).toMatch(
      /^“count” must be at most 5\./,
    );
    expect(store.transactions).toBe(transactions + 1);
  });
});

describe('CommandBus: failures', () => {
  it('translates a UserError from the handler, adds its usage and rolls everything back', async () => {
    const { bus, store } = busFor(async (ctx) => {
      await ctx.repos.members.update(ctx.member.id, { role: 'COORDINATOR' });
      throw new UserError('command.duplicate-option', { option: 'note', usage: 'ping member' });
    });
    const town = store.addTown('kolin');
    store.addMember(town, 'u1');
    const reply = await bus.run(text('ping member'));
    expect(reply).toEqual({
      text: 'The option “note” is given twice.\nUsage: ping member',
      private: true,
      error: { key: 'command.duplicate-option', option: 'note' },
    });
    expect(store.rows.members[0]?.role).toBe('MEMBER');
  });

  it('answers a lost race and a vanished row with their own messages', async () => {
    let failure: Error = new ConflictError('exchange');
    const { bus, store } = busFor(() => {
      throw failure;
    });
    store.addTown('kolin');
    expect(await bus.run(text('ping member'))).toStrictEqual({
      text: 'Someone else changed this at the same moment. Nothing was changed; please try again.',
      private: true,
      error: { key: 'error.conflict' },
    });
    failure = new NotFoundError('exchange');
    expect(await bus.run(text('ping member'))).toStrictEqual({
      text: 'What this needed was removed a moment ago by someone else. Nothing was changed; check and try again.',
      private: true,
      error: { key: 'error.gone' },
    });
  });

  it('answers anything else with a reference, logging the option names but not what was typed', async () => {
    const { bus, store, logger } = busFor(() => {
      throw new Error('disk on fire');
    });
    store.addTown('kolin');
    const reply = await bus.run(text('ping member count:3 note:"keep me"', actor('u1')));
    const ref = reply.error?.ref ?? '';
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(reply.text).toBe(
      `Something went wrong on my side (ref ${ref}). Nothing was changed; the coordinators can quote this reference.\n` +
        'Nothing you entered was saved. Here it is, to try again later: ping member count:3 note:"keep me"',
    );
    expect(reply.error).toStrictEqual({ key: 'error.unexpected', ref });
    expect(reply.private).toBe(true);
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]).toMatchObject({
      level: 'error',
      message: 'command failed unexpectedly',
      details: { ref, command: 'ping.member', platform: 'CONSOLE', community: 'kolin', user: 'u1' },
    });
    expect(logger.entries[0]?.details.input).toEqual({ options: { count: 1, note: 7 } });
    expect(JSON.stringify(logger.entries)).not.toContain('keep me');
    expect((logger.entries[0]?.details.err as Error).message).toBe('disk on fire');
  });

  it('refuses text that names no command without the database, logging none of it', async () => {
    const logger = recordingLogger();
    // The store is down: the refusal needs it only for the person's language.
    const broken = new CommandBus({
      store: { transaction: () => Promise.reject(new Error('database gone')) },
      clock: { now: () => new Date() },
      logger,
      recurrence: { validate: () => null, nextAfter: () => null },
      routes: [],
    });
    const reply = await broken.run(text('K7QX-P2MD secret words'));
    expect(reply.error).toEqual({ key: 'command.unknown' });
    expect(reply.text).toBe('I do not know the command “k7qx-p2md secret words”. Did you mean: help?');
    expect(logger.entries[0]?.message).toBe('could not read the language of a refused command');
    expect(JSON.stringify(logger.entries)).not.toContain('K7QX');
  });

  it('logs the command and option names, not what was typed, when it failed before the command was known', async () => {
    const { bus, store, logger } = busFor();
    const storeDown = new Error('connection reset');
    store.transaction = () => Promise.reject(storeDown);
    const line = `ping member note:"${'x'.repeat(20)}"`;
    const reply = await bus.run(text(line));
    expect(reply.error?.key).toBe('error.unexpected');
    expect(logger.entries[0]?.details).toMatchObject({
      command: 'ping.member',
      input: { options: { note: 20 } },
      err: storeDown,
    });
    expect(JSON.stringify(logger.entries[0]?.details.input)).not.toContain('xxx');
    const structured = await bus.run({
      command: 'ping.member',
      options: {},
      actor: actor(),
      channel: { id: 'c', name: 'c' },
    });
    expect(structured.error?.key).toBe('error.unexpected');
    expect(logger.entries[1]?.details).toMatchObject({ command: 'ping.member' });
  });

  it('logs the option names of a structured command that failed and gives it back as text', async () => {
    const { bus, store, logger } = busFor(() => {
      throw new Error('boom');
    });
    store.addTown('kolin');
    const reply = await bus.run({
      command: 'ping.member',
      options: { note: 'say "hi" there', count: 2 },
      actor: actor(),
      channel: { id: 'c', name: 'c' },
    });
    expect(logger.entries[0]?.details).toMatchObject({
      command: 'ping.member',
      input: { options: { note: 14, count: 1 } },
    });
    expect(JSON.stringify(logger.entries)).not.toContain('there');
    expect(reply.text).toMatch(/Here it is, to try again later: ping member note:'say "hi" there' count:2$/);
  });

  it('does not echo a command that had nothing to keep', async () => {
    const { bus, store } = busFor(() => {
      throw new Error('boom');
    });
    store.addTown('kolin');
    const reply = await bus.run(text('ping member'));
    expect(reply.text).not.toContain('Nothing you entered');
  });
});

describe('CommandBus: waking the outbox', () => {
  it('wakes it once after a command that enqueued deliveries commits, not otherwise', async () => {
    let enqueue = true;
    const { bus, store, outboxWakes } = busFor((ctx) => {
      if (enqueue) ctx.markOutboxChanged();
      return { text: 'ok', private: false };
    });
    store.addTown('kolin');
    await bus.run(text('ping member'));
    expect(outboxWakes()).toBe(1);
    enqueue = false;
    await bus.run(text('ping member'));
    expect(outboxWakes()).toBe(1);
  });

  it('needs no outbox to wake (a bus without a worker, as in a dry run)', async () => {
    const store = new MemoryStore();
    store.addTown('kolin');
    const bus = new CommandBus({
      store,
      clock: { now: () => new Date() },
      logger: recordingLogger(),
      recurrence: { validate: () => null, nextAfter: () => null },
      routes: [
        {
          definition: ping('member'),
          handler: (ctx) => {
            ctx.markOutboxChanged();
            return Promise.resolve({ text: 'queued', private: false });
          },
        },
      ],
    });
    expect((await bus.run(text('ping member'))).text).toBe('queued');
  });

  it('does not wake it when the command that enqueued failed', async () => {
    const { bus, store, outboxWakes } = busFor((ctx) => {
      ctx.markOutboxChanged();
      throw new UserError('command.empty', { help: 'help' });
    });
    store.addTown('kolin');
    await bus.run(text('ping member'));
    expect(outboxWakes()).toBe(0);
  });
});
