/**
 * The REST route table: how a route is declared (its method, template, authentication and
 * global-limit exemption), the routes of each resource in matching order, grouped as Discord's API
 * docs group them (user-routes.ts, command-routes.ts, channel-routes.ts, guild-routes.ts,
 * webhook-routes.ts), and how a path finds its route. rest-api.ts runs the pipeline around it.
 */

import { channelRoutes } from './channel-routes.ts';
import { commandRoutes } from './command-routes.ts';
import { guildRoutes } from './guild-routes.ts';
import type { RequestBody, RestResult } from './http-body.ts';
import { asObject } from './messages.ts';
import type { RestEnvironment } from './rest-api.ts';
import { userRoutes } from './user-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';

export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: RequestBody;
}

export interface RouteDef {
  readonly method: string;
  readonly template: string;
  /** Interaction endpoints authenticate with the token in the path, not a header. */
  readonly auth: boolean;
  /** Interaction endpoints are exempt from the global limit (rate-limits.mdx). */
  readonly globalExempt: boolean | ((params: Readonly<Record<string, string>>) => boolean);
  readonly handle: (request: RouteRequest) => RestResult;
}

/** What every resource's routes are declared with. */
export interface RouteKit {
  readonly ok: (body: unknown) => RestResult;
  readonly noContent: RestResult;
  /** A route; it authenticates with `Bot <token>` and counts towards the global limit unless `options` say otherwise. */
  readonly route: (
    method: string,
    template: string,
    handle: (request: RouteRequest) => RestResult,
    options?: { auth?: boolean; globalExempt?: RouteDef['globalExempt'] },
  ) => RouteDef;
  /** The JSON body as an object; `{}` when it is none. */
  readonly jsonObject: (body: RequestBody) => Record<string, unknown>;
}

export function createRoutes(env: RestEnvironment): RouteDef[] {
  const ok = (body: unknown): RestResult => ({ status: 200, body });
  const noContent: RestResult = { status: 204 };
  const route = (
    method: string,
    template: string,
    handle: (request: RouteRequest) => RestResult,
    options: { auth?: boolean; globalExempt?: RouteDef['globalExempt'] } = {},
  ): RouteDef => ({
    method,
    template,
    handle,
    auth: options.auth ?? true,
    globalExempt: options.globalExempt ?? false,
  });
  const jsonObject = (body: RequestBody): Record<string, unknown> => asObject(body.json) ?? {};
  const kit: RouteKit = { ok, noContent, route, jsonObject };

  return [
    ...userRoutes(env, kit),
    ...commandRoutes(env, kit),
    ...channelRoutes(env, kit),
    ...guildRoutes(env, kit),
    ...webhookRoutes(env, kit),
  ];
}

export function matchRoute(
  routes: readonly RouteDef[],
  method: string,
  path: string,
): { def: RouteDef; params: Record<string, string> } | undefined {
  const segments = path.split('/').slice(1).map(decodeURIComponent);
  for (const def of routes) {
    if (def.method !== method) continue;
    const parts = def.template.split('/').slice(1);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (ok) return { def, params };
  }
  return undefined;
}
