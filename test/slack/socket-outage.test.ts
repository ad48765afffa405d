/**
 * Slack's Socket Mode unreachable (issue 11, "Faults"): the connection is cut and reconnects are
 * refused. The log says so once, and then at attempts 2, 4 …; when Slack is back it says so once.
 * Waits end on log lines (the client's own reconnect delay is its ping timeout, 1 s in the
 * harness). Stopping during the outage is bounded by main's stopAll (src/lifecycle.test.ts); there
 * @slack/socket-mode 2 leaves an unhandled rejection, which main logs (guardProcess).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createTestDatabase, DATABASE_KINDS } from '../support/test-database.ts';
import { SlackHarness } from './slack-harness.ts';

describe.each(DATABASE_KINDS.slice(-1))('Socket Mode unreachable on %s', (kind) => {
  let database: Database;
  let h: SlackHarness;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    h = await SlackHarness.start({ mode: 'socket', database, auth: 'token' });
    await h.slack.socket.waitForConnection();
  });
  afterAll(async () => {
    await h.stop();
    await database.close();
  });

  const messages = () =>
    h.logLines
      .map((line) => (JSON.parse(line) as { msg: string }).msg)
      .filter((msg) => msg.startsWith('Slack Socket Mode'));

  it('logs the loss once, thinned-out attempts, and the recovery once', async () => {
    h.slack.socket.refusing = true;
    h.slack.socket.drop('terminate');
    await h.logged('Slack Socket Mode: still reconnecting');
    h.slack.socket.refusing = false;
    await h.logged('Slack Socket Mode: connection back');
    expect(messages()).toEqual([
      'Slack Socket Mode: connection lost, reconnecting',
      'Slack Socket Mode: still reconnecting',
      'Slack Socket Mode: connection back',
    ]);
  });
});
