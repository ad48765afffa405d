// The Web API methods on tokens (docs.slack.dev/reference/methods/auth.test, oauth.v2.access,
// apps.connections.open), as web-api.ts serves them: whose a token is, the bot token an install's
// code is exchanged for, and the Socket Mode URL the app-level token opens.

import type { Handler } from './web-api.ts';
import { ApiError, optionalString, requiredString } from './web-api.ts';

export const AUTH_HANDLERS: Record<string, Handler> = {
  'auth.test': (env, call) => {
    if (call.token === undefined) throw new ApiError('not_authed');
    const owner = env.state.tokenOwner(call.token);
    if (owner === undefined || !owner.workspace.installed) throw new ApiError('invalid_auth');
    const ws = owner.workspace;
    const isBot = owner.kind === 'bot';
    return {
      url: `https://${ws.domain}.slack.com/`,
      team: ws.teamName,
      user: isBot ? ws.botName : 'alice',
      team_id: ws.teamId,
      user_id: isBot ? ws.botUserId : ws.installerUserId,
      ...(isBot ? { bot_id: ws.botId } : {}),
      is_enterprise_install: false,
    };
  },

  'oauth.v2.access': (env, call) => {
    // Client credentials may come as HTTP Basic auth (preferred by Slack) or as arguments.
    const clientId = call.basicAuth?.user ?? optionalString(call.args, 'client_id');
    const clientSecret = call.basicAuth?.password ?? optionalString(call.args, 'client_secret');
    if (clientId !== env.clientId) throw new ApiError('invalid_client_id');
    if (clientSecret !== env.clientSecret) throw new ApiError('bad_client_secret');
    const grant = env.state.oauthCodes.get(requiredString(call.args, 'code', 'invalid_code'));
    if (grant === undefined || grant.used) throw new ApiError('invalid_code');
    const redirectUri = optionalString(call.args, 'redirect_uri');
    if (grant.redirectUri !== undefined && redirectUri !== undefined && redirectUri !== grant.redirectUri) {
      throw new ApiError('bad_redirect_uri');
    }
    grant.used = true;
    const ws = env.state.workspaces.get(grant.teamId);
    if (ws === undefined) throw new ApiError('invalid_code');
    ws.installed = true;
    return {
      app_id: env.appId,
      authed_user: { id: ws.installerUserId },
      scope: grant.scopes.join(','),
      token_type: 'bot',
      access_token: ws.botToken,
      bot_user_id: ws.botUserId,
      team: { id: ws.teamId, name: ws.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  },

  'apps.connections.open': (env, call) => {
    if (call.token === undefined) throw new ApiError('not_authed');
    if (call.token !== env.appToken) {
      throw new ApiError(
        env.state.tokenOwner(call.token) === undefined ? 'invalid_auth' : 'not_allowed_token_type',
      );
    }
    return { url: env.openSocketUrl() };
  },
};
