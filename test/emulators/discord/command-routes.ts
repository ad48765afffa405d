/** REST routes of application commands (application-commands.mdx): global and guild commands listed, overwritten in bulk, created or edited, deleted. */

import { apiErrors } from './http-body.ts';
import type { RestEnvironment } from './rest-api.ts';
import type { RouteDef, RouteKit } from './rest-routes.ts';

export function commandRoutes(env: RestEnvironment, kit: RouteKit): RouteDef[] {
  const { state, commands } = env;
  const { ok, noContent, route } = kit;
  const application = (id: string | undefined): void => {
    if (id !== env.applicationId) throw apiErrors.unknownApplication();
  };
  const commandGuild = (id: string | undefined): string => {
    // Discord answers Missing Access when the app is not in the guild with applications.commands.
    if (id === undefined || !state.guilds.has(id)) throw apiErrors.missingAccess();
    return id;
  };
  return [
    route('GET', '/applications/:application_id/commands', ({ params }) => {
      application(params.application_id);
      return ok(commands.list(null));
    }),
    route('PUT', '/applications/:application_id/commands', ({ params, body }) => {
      application(params.application_id);
      return ok(commands.overwrite(null, body.json));
    }),
    route('POST', '/applications/:application_id/commands', ({ params, body }) => {
      application(params.application_id);
      const { command, created } = commands.upsert(null, body.json);
      return { status: created ? 201 : 200, body: command };
    }),
    route('DELETE', '/applications/:application_id/commands/:command_id', ({ params }) => {
      application(params.application_id);
      if (!commands.remove(null, params.command_id ?? '')) throw apiErrors.unknownCommand();
      return noContent;
    }),
    route('GET', '/applications/:application_id/guilds/:guild_id/commands', ({ params }) => {
      application(params.application_id);
      return ok(commands.list(commandGuild(params.guild_id)));
    }),
    route('PUT', '/applications/:application_id/guilds/:guild_id/commands', ({ params, body }) => {
      application(params.application_id);
      return ok(commands.overwrite(commandGuild(params.guild_id), body.json));
    }),
    route('POST', '/applications/:application_id/guilds/:guild_id/commands', ({ params, body }) => {
      application(params.application_id);
      const { command, created } = commands.upsert(commandGuild(params.guild_id), body.json);
      return { status: created ? 201 : 200, body: command };
    }),
    route('DELETE', '/applications/:application_id/guilds/:guild_id/commands/:command_id', ({ params }) => {
      application(params.application_id);
      if (!commands.remove(commandGuild(params.guild_id), params.command_id ?? '')) {
        throw apiErrors.unknownCommand();
      }
      return noContent;
    }),
  ];
}
