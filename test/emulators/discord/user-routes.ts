/** REST routes of the gateway, users and the application (gateway.mdx, user.mdx, application.mdx): where to connect, the bot's user and DMs, the application with its intent flags. */

import { apiErrors } from './http-body.ts';
import { applicationFlags } from './intents.ts';
import type { RestEnvironment } from './rest-api.ts';
import type { RouteDef, RouteKit } from './rest-routes.ts';

export function userRoutes(env: RestEnvironment, kit: RouteKit): RouteDef[] {
  const { state } = env;
  const { ok, route, jsonObject } = kit;
  return [
    route('GET', '/gateway/bot', () =>
      ok({
        ...env.gateway(),
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      }),
    ),
    route('GET', '/gateway', () => ok({ url: env.gateway().url }), { auth: false }),
    route('GET', '/users/@me', () => ok(state.apiUser(state.bot))),
    route('POST', '/users/@me/channels', ({ body }) => {
      const recipient = jsonObject(body).recipient_id;
      const user = typeof recipient === 'string' ? state.users.get(recipient) : undefined;
      if (!user || user.bot) throw apiErrors.unknownUser();
      return ok(state.apiChannel(state.dmChannel(user.id)));
    }),
    route('GET', '/users/:user_id', ({ params }) => {
      const user = state.users.get(params.user_id ?? '');
      if (!user) throw apiErrors.unknownUser();
      return ok(state.apiUser(user));
    }),
    route('GET', '/applications/@me', () =>
      ok({
        id: env.applicationId,
        name: state.bot.username,
        icon: null,
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: applicationFlags(env.privileged),
        bot: state.apiUser(state.bot),
      }),
    ),
  ];
}
