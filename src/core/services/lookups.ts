/** Lookups every command group needs, each failing with a message the person can act on. */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Exchange, PartnershipWithTowns, Town } from '../domain/model.ts';
import { UserError } from '../errors.ts';

/** The acting member's town. The bus guarantees one for member and coordinator commands. */
export function actingTown(ctx: CommandContext): Town {
  if (!ctx.town) throw new UserError('town.not-registered');
  return ctx.town;
}

/** A partnership the acting town belongs to. */
export async function ownPartnership(ctx: CommandContext, number: number): Promise<PartnershipWithTowns> {
  const town = actingTown(ctx);
  const partnership = await ctx.repos.partnerships.findByNumber(number);
  if (!partnership || !partnership.towns.some((t) => t.id === town.id)) {
    throw new UserError('partner.not-found', { number });
  }
  return partnership;
}

/** One partnership of the acting town when a number is given, otherwise all of them. */
export async function partnershipsInScope(
  ctx: CommandContext,
  number: number | undefined,
): Promise<PartnershipWithTowns[]> {
  if (number !== undefined) return [await ownPartnership(ctx, number)];
  return ctx.repos.partnerships.listForTown(actingTown(ctx).id);
}

/** An exchange of one of the acting town's partnerships (others' exchanges stay invisible). */
export async function visibleExchange(
  ctx: CommandContext,
  number: number,
  options: { forUpdate?: boolean } = {},
): Promise<{ exchange: Exchange; partnership: PartnershipWithTowns }> {
  const town = actingTown(ctx);
  const exchange = options.forUpdate
    ? await ctx.repos.exchanges.findByNumberForUpdate(number)
    : await ctx.repos.exchanges.findByNumber(number);
  const partnership = exchange ? await ctx.repos.partnerships.findById(exchange.partnershipId) : null;
  if (!exchange || !partnership?.towns.some((t) => t.id === town.id)) {
    throw new UserError('event.not-found', { number });
  }
  return { exchange, partnership };
}

/** An exchange the acting coordinator's town hosts: only the host changes or cancels it. */
export async function hostedExchange(
  ctx: CommandContext,
  number: number,
): Promise<{ exchange: Exchange; partnership: PartnershipWithTowns }> {
  const found = await visibleExchange(ctx, number, { forUpdate: true });
  if (found.exchange.hostTownId !== actingTown(ctx).id) {
    throw new UserError('event.not-host', { number, title: found.exchange.title });
  }
  return found;
}

export async function audit(
  ctx: CommandContext,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  await ctx.repos.audit.record({
    actorMemberId: ctx.member.id,
    townId: ctx.town?.id ?? null,
    action,
    targetType: target.type,
    targetId: target.id,
    details,
    at: ctx.now,
  });
}
