/** The future half of Slack's request-age rule (Bolt checks the past half): the boundary itself. */
import { describe, expect, it } from 'vitest';
import { datedInTheFuture } from '../../src/adapters/slack/slack-connection.ts';

const NOW_MS = Date.parse('2026-11-23T10:00:00.750Z');
const NOW_SEC = Math.floor(NOW_MS / 1000);

describe('a Slack request dated ahead of this machine', () => {
  it('is accepted up to 5 minutes ahead and refused a second later', () => {
    expect(datedInTheFuture(String(NOW_SEC), NOW_MS)).toBe(false);
    expect(datedInTheFuture(String(NOW_SEC + 300), NOW_MS)).toBe(false);
    expect(datedInTheFuture(String(NOW_SEC + 301), NOW_MS)).toBe(true);
  });

  it('leaves old, missing and malformed timestamps to Bolt’s own check', () => {
    expect(datedInTheFuture(String(NOW_SEC - 3600), NOW_MS)).toBe(false);
    expect(datedInTheFuture(undefined, NOW_MS)).toBe(false);
    expect(datedInTheFuture('soon', NOW_MS)).toBe(false);
  });
});
