// The Web API methods on views (docs.slack.dev/reference/methods/views.open, views.push,
// views.update, views.publish), as web-api.ts serves them: modals opened with a single-use trigger_id,
// updates by view_id or external_id with hash checks, and Home tabs.

import type { Handler, Json, WebApiEnv } from './web-api.ts';
import { ApiError, optionalString, requiredString, requireWorkspace, resolveUser } from './web-api.ts';
import type { StoredView, Workspace } from './state.ts';

function parseViewArg(args: Readonly<Json>, allowed: readonly string[]): Json {
  const view = args['view'];
  if (typeof view !== 'object' || view === null || Array.isArray(view)) {
    throw new ApiError('invalid_arguments', { detail: 'view must be a JSON object' });
  }
  const input = view as Json;
  const type = input['type'];
  if (typeof type !== 'string' || !allowed.includes(type)) {
    throw new ApiError('invalid_arguments', { detail: `view.type must be one of ${allowed.join(', ')}` });
  }
  if (!Array.isArray(input['blocks']))
    throw new ApiError('invalid_arguments', { detail: 'view.blocks is required' });
  if (type === 'modal' && typeof input['title'] !== 'object') {
    throw new ApiError('invalid_arguments', { detail: 'a modal needs a title' });
  }
  return input;
}

function newHash(env: WebApiEnv): string {
  return `${Math.floor(env.state.now() / 1000)}.${env.state.newId('', 8)}`;
}

function storeView(
  env: WebApiEnv,
  workspace: Workspace,
  input: Json,
  userId: string | undefined,
  links: {
    rootViewId?: string | undefined;
    previousViewId?: string | undefined;
    existing?: StoredView | undefined;
  },
): StoredView {
  const id = links.existing?.id ?? env.state.newId('V', 8);
  const hash = newHash(env);
  const view: Json = {
    id,
    team_id: workspace.teamId,
    type: input['type'],
    title: input['title'] ?? null,
    blocks: input['blocks'],
    close: input['close'] ?? null,
    submit: input['submit'] ?? null,
    private_metadata: input['private_metadata'] ?? '',
    callback_id: input['callback_id'] ?? '',
    external_id: input['external_id'] ?? '',
    state: { values: {} },
    hash,
    clear_on_close: input['clear_on_close'] ?? false,
    notify_on_close: input['notify_on_close'] ?? false,
    root_view_id: links.rootViewId ?? id,
    previous_view_id: links.previousViewId ?? null,
    app_id: env.appId,
    app_installed_team_id: workspace.teamId,
    bot_id: workspace.botId,
  };
  if (links.existing !== undefined) {
    links.existing.view = view;
    links.existing.hash = hash;
    links.existing.updates += 1;
    return links.existing;
  }
  const stored: StoredView = { id, teamId: workspace.teamId, userId, view, hash, updates: 0 };
  env.state.views.set(id, stored);
  return stored;
}

/** Trigger ids are single-use and live 3 s (docs: "Handling user interaction"). */
function consumeTrigger(env: WebApiEnv, workspace: Workspace, triggerId: string): string {
  const grant = env.state.triggers.get(triggerId);
  if (grant === undefined || grant.teamId !== workspace.teamId) throw new ApiError('invalid_trigger_id');
  if (grant.used) throw new ApiError('exchanged_trigger_id');
  if (env.state.now() - grant.issuedAt > env.triggerTtlMs) throw new ApiError('expired_trigger_id');
  grant.used = true;
  return grant.userId;
}

function findView(env: WebApiEnv, workspace: Workspace, args: Readonly<Json>): StoredView {
  const viewId = optionalString(args, 'view_id');
  const externalId = optionalString(args, 'external_id');
  for (const stored of env.state.views.values()) {
    if (stored.teamId !== workspace.teamId) continue;
    if (viewId !== undefined && stored.id === viewId) return stored;
    if (viewId === undefined && externalId !== undefined && stored.view['external_id'] === externalId)
      return stored;
  }
  throw new ApiError('not_found');
}

export const VIEW_HANDLERS: Record<string, Handler> = {
  'views.open': (env, call) => {
    const ws = requireWorkspace(env, call);
    const userId = consumeTrigger(env, ws, requiredString(call.args, 'trigger_id'));
    const stored = storeView(env, ws, parseViewArg(call.args, ['modal']), userId, {});
    return { view: stored.view };
  },

  'views.push': (env, call) => {
    const ws = requireWorkspace(env, call);
    const userId = consumeTrigger(env, ws, requiredString(call.args, 'trigger_id'));
    const previous = [...env.state.views.values()]
      .reverse()
      .find((v) => v.userId === userId && v.view['type'] === 'modal');
    const stored = storeView(env, ws, parseViewArg(call.args, ['modal']), userId, {
      rootViewId: previous === undefined ? undefined : String(previous.view['root_view_id']),
      previousViewId: previous?.id,
    });
    return { view: stored.view };
  },

  'views.update': (env, call) => {
    const ws = requireWorkspace(env, call);
    const existing = findView(env, ws, call.args);
    const hash = optionalString(call.args, 'hash');
    if (hash !== undefined && hash !== existing.hash) throw new ApiError('hash_conflict');
    const stored = storeView(env, ws, parseViewArg(call.args, ['modal', 'home']), existing.userId, {
      existing,
      rootViewId: String(existing.view['root_view_id']),
      previousViewId: (existing.view['previous_view_id'] as string | null) ?? undefined,
    });
    return { view: stored.view };
  },

  'views.publish': (env, call) => {
    const ws = requireWorkspace(env, call);
    const user = resolveUser(env, ws, requiredString(call.args, 'user_id'));
    const existing = [...env.state.views.values()].find(
      (v) => v.userId === user.id && v.view['type'] === 'home',
    );
    const hash = optionalString(call.args, 'hash');
    if (hash !== undefined && existing !== undefined && hash !== existing.hash)
      throw new ApiError('hash_conflict');
    const stored = storeView(env, ws, parseViewArg(call.args, ['home']), user.id, { existing });
    return { view: stored.view };
  },
};
