/** REST routes of interaction callbacks and webhooks (receiving-and-responding.mdx, webhook.mdx): the application's id names the interaction webhook, any other id a channel webhook. */

import type { RestEnvironment } from './rest-api.ts';
import type { RouteDef, RouteKit } from './rest-routes.ts';

export function webhookRoutes(env: RestEnvironment, kit: RouteKit): RouteDef[] {
  const { interactions } = env;
  const { route, jsonObject } = kit;
  const interactionRoute = { auth: false, globalExempt: true };
  // Webhook routes authenticate with the token in the path; only the interaction webhook is exempt from the global limit.
  const channelWebhookRoute = {
    auth: false,
    globalExempt: (params: Readonly<Record<string, string>>) => params.webhook_id === env.applicationId,
  };
  return [
    route(
      'POST',
      '/interactions/:interaction_id/:interaction_token/callback',
      ({ params, body, query }) =>
        interactions.callback(
          params.interaction_id ?? '',
          params.interaction_token ?? '',
          body.json,
          body.files,
          query.get('with_response') === 'true',
        ),
      interactionRoute,
    ),
    // The application's id names the interaction webhook; any other id a channel webhook.
    route(
      'POST',
      '/webhooks/:webhook_id/:webhook_token',
      ({ params, body, query }) =>
        params.webhook_id === env.applicationId
          ? interactions.webhook(
              'POST',
              env.applicationId,
              params.webhook_token ?? '',
              undefined,
              body.json,
              body.files,
            )
          : env.webhooks.execute(
              env.webhooks.authorize(params.webhook_id ?? '', params.webhook_token ?? ''),
              query,
              jsonObject(body),
              body.files,
            ),
      channelWebhookRoute,
    ),
    ...(['GET', 'PATCH', 'DELETE'] as const).map((method) =>
      route(
        method,
        '/webhooks/:webhook_id/:webhook_token/messages/:message_id',
        ({ params, body, query }) =>
          params.webhook_id === env.applicationId
            ? interactions.webhook(
                method,
                env.applicationId,
                params.webhook_token ?? '',
                params.message_id,
                body.json,
                body.files,
              )
            : env.webhooks.message(
                method,
                env.webhooks.authorize(params.webhook_id ?? '', params.webhook_token ?? ''),
                params.message_id ?? '',
                query,
                jsonObject(body),
                body.files,
              ),
        channelWebhookRoute,
      ),
    ),
  ];
}
