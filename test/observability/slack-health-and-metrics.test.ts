/**
 * With Slack in HTTP mode, /healthz and /metrics are served on Slack's own server (Bolt's custom
 * routes) beside /slack/events; in Socket Mode the socket's state is what /healthz reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open-database.ts';
import { createLogger } from '../../src/logging.ts';
import { startHttpServer } from '../../src/observability/http-endpoints.ts';
import { Observability } from '../../src/observability/observability.ts';
import { TestClock } from '../console/console-harness.ts';
import { answerText, SlackHarness, type SlackMode } from '../slack/slack-harness.ts';
import { connectionStates, healthAt, Scrape } from '../support/prometheus-scrape.ts';
import { createTestDatabase } from '../support/test-database.ts';

describe.each(['http', 'socket'] as const satisfies readonly SlackMode[])(
  'health with Slack in %s mode',
  (mode) => {
    let database: Database;
    let h: SlackHarness;
    let observability: Observability;
    /** Socket Mode has no server of Slack's: the endpoints get their own, as main() does. */
    let server: { port: number; close(): Promise<void> } | undefined;
    const base = () =>
      server ? `http://127.0.0.1:${server.port}` : h.eventsUrl.replace('/slack/events', '');

    beforeAll(async () => {
      database = await createTestDatabase('embedded');
      observability = new Observability({
        database,
        clock: new TestClock(new Date('2026-11-23T10:00:00Z')),
        logger: createLogger('silent'),
        maxDueAgeSeconds: 900,
      });
      const { metrics, endpoints } = observability;
      const observe =
        mode === 'http' ? { metrics, httpRoutes: endpoints.routes } : { metrics, httpRoutes: [] };
      h = await SlackHarness.start({ mode, database, auth: 'token', observe });
      observability.watch([h.adapter]);
      if (mode === 'socket') server = await startHttpServer(endpoints, { port: 0, host: '127.0.0.1' });
    });

    afterAll(async () => {
      await server?.close();
      await h.stop();
      await database.close();
    });

    if (mode === 'http')
      it('serves /healthz and /metrics on the port Slack’s requests arrive at', async () => {
        const answer = await h.command('town info', { userId: h.slack.workspace().defaultUserId });
        expect(answerText(answer)).toContain('town register');
        expect(await healthAt(`${base()}/healthz`)).toMatchObject({
          status: 200,
          body: { status: 'ok', adapters: { slack: 'connected' } },
        });
        const scrape = await Scrape.of(`${base()}/metrics`);
        expect(scrape.value('twinbridge_commands_total', { command: 'town info', outcome: 'refused' })).toBe(
          1,
        );
        expect(connectionStates(scrape, 'slack')).toEqual({ connected: 1, connecting: 0, disconnected: 0 });
      });

    if (mode === 'socket')
      it('reports the socket connected again after Slack dropped it', async () => {
        const hellos = h.slack.socket.helloCount;
        h.slack.socket.drop('terminate');
        await h.slack.socket.waitForConnection(hellos + 1);
        // Told by the socket client's own "connected" event (it starts as disconnected).
        await h.command('help', { userId: h.slack.workspace().defaultUserId });
        expect(await healthAt(`${base()}/healthz`)).toMatchObject({
          status: 200,
          body: { status: 'ok', adapters: { slack: 'connected' } },
        });
        const scrape = await Scrape.of(`${base()}/metrics`);
        expect(connectionStates(scrape, 'slack')).toEqual({ connected: 1, connecting: 0, disconnected: 0 });
        expect(scrape.value('twinbridge_commands_total', { command: 'help', outcome: 'ok' })).toBe(1);
      });
  },
);
