import { describe, expect, it } from 'vitest';
import type { Repositories, Store } from '../ports.ts';
import { runDueJob, type DueJob } from './claim-loop.ts';

/** A store whose transactions just run: the job's own claim decides what is due. */
const store: Store = { transaction: (work) => work({} as Repositories) };
const now = new Date('2026-06-01T09:00:00Z');

/** A job over a queue of due ids; `failing` ids throw while being handled. */
function queueJob(due: string[], failing: string[] = [], claimFails = false) {
  const seen = { claims: [] as string[][], done: [] as string[], failed: [] as (string | undefined)[] };
  const job: DueJob<string, string> = {
    claim: (_repos, _now, skipIds) => {
      seen.claims.push([...skipIds]);
      if (claimFails) return Promise.reject(new Error('database away'));
      return Promise.resolve(due.find((id) => !skipIds.includes(id) && !seen.done.includes(id)) ?? null);
    },
    idOf: (id) => id,
    run: (_repos, id) =>
      failing.includes(id) ? Promise.reject(new Error(`${id} broke`)) : Promise.resolve(`ran ${id}`),
    done: (result) => seen.done.push(result.slice(4)),
    failed: (_error, id) => seen.failed.push(id),
  };
  return { job, seen };
}

describe('runDueJob', () => {
  it('handles due items one by one until none is due', async () => {
    const { job, seen } = queueJob(['a', 'b', 'c']);
    expect(await runDueJob(store, job, now, 10)).toEqual(['ran a', 'ran b', 'ran c']);
    expect(seen.done).toEqual(['a', 'b', 'c']);
    expect(seen.claims).toHaveLength(4);
  });

  it('skips an item that fails for the rest of the run and goes on with the others', async () => {
    const { job, seen } = queueJob(['a', 'b', 'c'], ['a']);
    expect(await runDueJob(store, job, now, 10)).toEqual(['ran b', 'ran c']);
    expect(seen.failed).toEqual(['a']);
    expect(seen.claims.slice(1)).toEqual([['a'], ['a'], ['a']]);
  });

  it('ends the run when claiming itself fails', async () => {
    const { job, seen } = queueJob(['a'], [], true);
    expect(await runDueJob(store, job, now, 10)).toEqual([]);
    expect(seen.failed).toEqual([undefined]);
    expect(seen.claims).toHaveLength(1);
  });

  it('stops at the batch limit, failed items counted', async () => {
    const { job, seen } = queueJob(['a', 'b', 'c', 'd'], ['a']);
    expect(await runDueJob(store, job, now, 3)).toEqual(['ran b', 'ran c']);
    expect(seen.claims).toHaveLength(3);
  });
});
