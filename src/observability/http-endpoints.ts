/**
 * GET /healthz and GET /metrics: on Slack's own server in HTTP mode (as Bolt custom routes),
 * otherwise on a small server of their own (startHttpServer). Both read the same health check.
 *
 *   /healthz  200 or 503, JSON: { status, database, adapters, deliveries,
 *             oldestDueDeliverySeconds, problems }
 *   /metrics  the Prometheus text format
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.ts';
import { checkHealth, type HealthReport, type HealthSources } from './health-check.ts';
import type { PrometheusMetrics } from './prometheus-metrics.ts';

export const HTTP_PATHS = { health: '/healthz', metrics: '/metrics' } as const;

/** A GET route, in the shape Bolt's `customRoutes` takes. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export class HttpEndpoints {
  /** Whether the last check was healthy: a change is logged once, not every probe. */
  private wasHealthy: boolean | undefined;

  constructor(
    private readonly sources: HealthSources,
    private readonly metrics: PrometheusMetrics,
    private readonly logger: Logger,
  ) {}

  get routes(): HttpRoute[] {
    return [
      {
        path: HTTP_PATHS.health,
        method: ['GET'],
        handler: (_req, res) => this.answer(res, () => this.health()),
      },
      {
        path: HTTP_PATHS.metrics,
        method: ['GET'],
        handler: (_req, res) => this.answer(res, () => this.scrape()),
      },
    ];
  }

  /** The handler for a server of its own: the two routes, 404 for any other path. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = this.routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } else if (!route.method.includes(req.method ?? '')) {
      res.writeHead(405, { 'content-type': 'text/plain', allow: 'GET' }).end('method not allowed');
    } else {
      route.handler(req, res);
    }
  };

  private async health(): Promise<{ status: number; type: string; body: string }> {
    const report = await this.check();
    const { healthy, ...rest } = report;
    return {
      status: healthy ? 200 : 503,
      type: 'application/json',
      body: JSON.stringify({ status: healthy ? 'ok' : 'unhealthy', ...rest }),
    };
  }

  private async scrape(): Promise<{ status: number; type: string; body: string }> {
    const body = await this.metrics.exposition(await this.check());
    return { status: 200, type: this.metrics.contentType, body };
  }

  private async check(): Promise<HealthReport> {
    const report = await checkHealth(this.sources);
    if (report.healthy !== this.wasHealthy) {
      if (report.healthy) this.logger.info({}, 'healthy');
      else this.logger.warn({ problems: report.problems }, 'unhealthy');
    }
    this.wasHealthy = report.healthy;
    return report;
  }

  private answer(res: ServerResponse, make: () => Promise<{ status: number; type: string; body: string }>) {
    make().then(
      ({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      },
      (error: unknown) => {
        this.logger.error({ err: error }, 'health or metrics endpoint failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      },
    );
  }
}

/** A server of their own, listening on host and port (0: any free port; see the returned port). */
export async function startHttpServer(
  endpoints: HttpEndpoints,
  where: { port: number; host: string },
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer(endpoints.listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        // Probes hold keep-alive connections; they must not keep the process from stopping.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
