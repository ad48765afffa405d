/**
 * Relayed messages keep their order per channel (docs/RELAY.md): one that fails and is retried
 * holds back those written after it in that channel, on one worker and across two, while other
 * channels go on; and an edit of a copy that was never posted does nothing. A copy that fails for
 * good tells no coordinator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryWorker } from '../../src/core/outbox/delivery-worker.ts';
import type { NewDelivery, PostResult } from '../../src/core/ports.ts';
import type { Database } from '../../src/db/open-database.ts';
import type { PrismaStore } from '../../src/db/prisma-store.ts';
import { TestClock } from '../console/console-harness.ts';
import { DATABASE_KINDS } from '../support/test-database.ts';
import {
  coordinatorNotices,
  RecordingPoster,
  recordingLogger,
  seededOutbox,
  workerOnTestClock,
  type Twinning,
} from './outbox-fixtures.ts';

const START = new Date('2026-11-23T10:00:00Z');
const UNAVAILABLE: PostResult = { ok: false, retryable: true, reason: '503 Service Unavailable' };

describe.each(DATABASE_KINDS)('relayed messages in order on %s', (kind) => {
  let database: Database;
  let store: PrismaStore;
  let clock: TestClock;
  let twinning: Twinning;
  let poster: RecordingPoster;
  const workers: DeliveryWorker[] = [];

  const worker = (workerId = 'worker-1') => {
    const created = workerOnTestClock(store, poster, clock, recordingLogger(), { workerId });
    workers.push(created);
    return created;
  };

  /** A member's messages relayed, each in its own transaction as they arrive, to `link`. */
  async function relayed(texts: string[], link = twinning.links[0]!): Promise<void> {
    for (const text of texts) {
      const delivery: NewDelivery = {
        dedupeKey: `relay:${text}:${link.id}`,
        kind: 'relay.message',
        sourceId: `relayed-${text}`,
        channelLinkId: link.id,
        payload: { text, author: { name: 'Jana', town: 'Český Krumlov' } },
        dueAt: clock.now(),
      };
      await store.transaction((repos) => repos.deliveries.enqueue([delivery]));
    }
  }

  const posted = (channelId: string) =>
    poster.calls
      .filter((c) => c.kind === 'post' && 'channelId' in c.target && c.target.channelId === channelId)
      .map((c) => c.message.text);

  beforeEach(async () => {
    ({ database, store, twinning } = await seededOutbox(kind));
    clock = new TestClock(START);
    poster = new RecordingPoster();
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await database.close();
  });

  it('holds the messages after one that failed until it is sent, and other channels go on', async () => {
    await relayed(['one', 'two', 'three']);
    await relayed(['elsewhere'], twinning.links[1]);
    poster.answer = (call) =>
      call.message.text === 'one' ? UNAVAILABLE : { ok: true, platformMessageId: call.key };
    expect(await worker().drainDue()).toMatchObject({ sent: 1, retried: 1 });
    expect(posted('1000')).toEqual(['one']);
    expect(posted('1001')).toEqual(['elsewhere']);
    // Before the retry is due, nothing more goes to the first channel.
    expect(await workers[0]!.drainDue()).toMatchObject({ sent: 0 });
    poster.answer = (call) => ({ ok: true, platformMessageId: call.key });
    clock.set(new Date(START.getTime() + 60_000));
    await workers[0]!.drainDue();
    expect(posted('1000')).toEqual(['one', 'one', 'two', 'three']);
  });

  it('leaves a channel to the worker that holds its earlier message', async () => {
    await relayed(['one', 'two']);
    let release = () => undefined as void;
    const held = new Promise<PostResult>(
      (resolve) => (release = () => resolve({ ok: true, platformMessageId: 'm1' })),
    );
    poster.answer = (call) =>
      call.message.text === 'one' ? held : { ok: true, platformMessageId: call.key };
    const first = worker('worker-1').drainDue();
    // While worker 1 sends "one", worker 2 may not send "two" ahead of it.
    await poster.callsReached(1);
    expect(await worker('worker-2').drainDue()).toMatchObject({ sent: 0 });
    release();
    await first;
    expect(posted('1000')).toEqual(['one', 'two']);
  });

  it('does nothing for an edit of a copy that was never posted', async () => {
    await relayed(['one']);
    poster.answer = () => ({ ok: false, retryable: false, reason: '403 Missing Access' });
    await worker().drainDue();
    const copy = await database.prisma.delivery.findFirstOrThrow({ where: { kind: 'relay.message' } });
    expect(copy.status).toBe('FAILED');
    // One chat message is not worth a notice to the coordinators (nor are its words theirs to read).
    expect(await coordinatorNotices(database)).toEqual([]);
    const link = twinning.links[0]!;
    await store.transaction((repos) =>
      repos.deliveries.enqueue([
        {
          dedupeKey: `relay-edit:${link.id}`,
          kind: 'relay.edit',
          sourceId: copy.sourceId,
          channelLinkId: link.id,
          editsDeliveryId: copy.id,
          payload: { text: 'one, edited' },
          dueAt: clock.now(),
        },
      ]),
    );
    poster.answer = (call) => ({ ok: true, platformMessageId: call.key });
    const calls = poster.calls.length;
    expect(await workers[0]!.drainDue()).toMatchObject({ sent: 1 });
    expect(poster.calls.length).toBe(calls);
  });
});
