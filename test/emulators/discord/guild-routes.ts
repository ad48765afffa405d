/** REST routes of guilds and their members (guild.mdx): a guild without its GUILD_CREATE extras, its channels, roles and one member. */

import { apiErrors } from './http-body.ts';
import type { RestEnvironment } from './rest-api.ts';
import type { RouteDef, RouteKit } from './rest-routes.ts';

export function guildRoutes(env: RestEnvironment, kit: RouteKit): RouteDef[] {
  const { state } = env;
  const { ok, route } = kit;
  return [
    route('GET', '/guilds/:guild_id', ({ params }) => {
      const guild = state.guilds.get(params.guild_id ?? '');
      if (!guild) throw apiErrors.unknownGuild();
      const {
        channels: _c,
        members: _m,
        threads: _t,
        presences: _p,
        voice_states: _v,
        ...rest
      } = state.guildCreate(guild);
      return ok(rest);
    }),
    route('GET', '/guilds/:guild_id/channels', ({ params }) => {
      const guild = state.guilds.get(params.guild_id ?? '');
      if (!guild) throw apiErrors.unknownGuild();
      return ok(
        guild.channelIds.flatMap((id) => {
          const channel = state.channels.get(id);
          return channel ? [state.apiChannel(channel)] : [];
        }),
      );
    }),
    route('GET', '/guilds/:guild_id/roles', ({ params }) => {
      const guild = state.guilds.get(params.guild_id ?? '');
      if (!guild) throw apiErrors.unknownGuild();
      return ok(
        guild.roleIds.flatMap((id) => {
          const role = state.roles.get(id);
          return role ? [state.apiRole(role)] : [];
        }),
      );
    }),
    route('GET', '/guilds/:guild_id/members/:user_id', ({ params }) => {
      const guild = state.guilds.get(params.guild_id ?? '');
      if (!guild) throw apiErrors.unknownGuild();
      if (!guild.members.has(params.user_id ?? '')) throw apiErrors.unknownMember();
      return ok(state.apiMember(guild, params.user_id ?? ''));
    }),
  ];
}
