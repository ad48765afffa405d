/**
 * Invites: create one (the owning town only, for an existing partnership), join with one
 * (failed joins throttled per person and per community, counted in the database so several
 * processes agree), list the open ones and revoke one.
 */
import type { CommandContext } from '../commands/command-bus.ts';
import type { Reply } from '../commands/invocation.ts';
import type { Invite } from '../domain/model.ts';
import { generateInviteCode } from '../domain/invite-code.ts';
import { languageName } from '../domain/places.ts';
import { partnershipForms } from '../domain/vocabularies.ts';
import { UserError } from '../errors.ts';
import { translatorFor } from '../i18n/translator.ts';
import { formatInstant } from '../time/index.ts';
import { ensureBotCanPost, linkThisChannel } from './channel-commands.ts';
import { fanOutToPartnership } from './fan-out.ts';
import { actingTown, audit, ownPartnership } from './lookups.ts';
import { replanPartnershipReminders } from './reminder-replan.ts';
import { checkAreas, type PartnerInviteArgs, type PartnerJoinArgs } from './partnership-commands.ts';
import { ownedPartnership, ownerTownOf } from './shared-settings.ts';

const DEFAULT_INVITE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Failed joins allowed per window: a person mistypes a few times; guessing needs millions. */
export const JOIN_FAILURE_WINDOW_MINUTES = 15;
export const JOIN_FAILURES_PER_PERSON = 5;
export const JOIN_FAILURES_PER_COMMUNITY = 10;

/** Refusals that mean "this code opened nothing": they count towards the throttle. */
const CODE_FAILURES = new Set(['invite.invalid', 'invite.used', 'invite.expired']);

export interface PartnerInvitesArgs {
  partnership: number;
}

export interface PartnerRevokeArgs {
  partnership: number;
  invite: string;
}

/** The partnership an invite is for: an existing one the town owns, or a new one. */
async function partnershipToInviteTo(ctx: CommandContext, args: PartnerInviteArgs) {
  if (args.partnership !== undefined) {
    // Inviting a further town is a shared decision: the owning town makes it.
    const partnership = await ownedPartnership(ctx, args.partnership);
    if (args.name !== undefined) throw new UserError('partner.invite-name-or-number');
    if (partnership.status === 'ENDED') throw new UserError('partner.ended', { number: partnership.number });
    return { partnership, created: false };
  }
  if (args.name === undefined) throw new UserError('partner.invite-needs-name');
  const town = actingTown(ctx);
  const partnership = await ctx.repos.partnerships.create(
    {
      name: args.name,
      form: partnershipForms.fromOption(args.form ?? 'informal'),
      status: 'PROPOSED',
      areas: checkAreas(args.areas ?? []),
      agreementDate: null,
      agreementUrl: null,
    },
    town.id,
  );
  await audit(ctx, 'partner.create', { type: 'partnership', id: partnership.id }, { name: args.name });
  return { partnership, created: true };
}

export async function invitePartnerTown(ctx: CommandContext, args: PartnerInviteArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const { partnership, created } = await partnershipToInviteTo(ctx, args);
  const code = generateInviteCode();
  const expiresAt = new Date(ctx.now.getTime() + (args.days ?? DEFAULT_INVITE_DAYS) * DAY_MS);
  const invite = await ctx.repos.invites.create({
    partnershipId: partnership.id,
    code,
    fromTownId: town.id,
    createdByMemberId: ctx.member.id,
    createdAt: ctx.now,
    expiresAt,
  });
  await audit(ctx, 'partner.invite', { type: 'partnership', id: partnership.id }, { expiresAt });
  // The partners learn that a further town may join: it will see every exchange and channel.
  if (!created) {
    await fanOutToPartnership(ctx, {
      partnershipId: partnership.id,
      kind: 'partnership.invited',
      sourceId: partnership.id,
      occasion: invite.id,
      dueAt: ctx.now,
      render: ({ language, town: reader }) => ({
        text: translatorFor(language)('partner.invite-post', {
          person: ctx.member.displayName,
          town: town.name,
          name: partnership.name,
          expires: formatInstant(expiresAt, reader.timeZone, language),
        }),
      }),
    });
  }
  // The code is shown only here, privately: only its keyed hash is stored.
  return {
    private: true,
    values: { invite: code },
    text: ctx.t('partner.invite-created', {
      number: partnership.number,
      name: partnership.name,
      code,
      expires: formatInstant(expiresAt, town.timeZone, ctx.language),
    }),
  };
}

/** The partnership an invite code opens to the acting town; refuses spent, stale or own codes. */
async function partnershipOfInvite(ctx: CommandContext, code: string) {
  const town = actingTown(ctx);
  const invite = await ctx.repos.invites.findByCode(code);
  // A revoked code reads as unknown: nothing tells a guesser it once existed.
  if (!invite || invite.revokedAt) throw new UserError('invite.invalid');
  if (invite.usedAt) throw new UserError('invite.used');
  if (invite.expiresAt <= ctx.now) {
    throw new UserError('invite.expired', {
      expired: formatInstant(invite.expiresAt, town.timeZone, ctx.language),
    });
  }
  if (invite.fromTownId === town.id) throw new UserError('invite.own-town');
  const partnership = await ctx.repos.partnerships.findById(invite.partnershipId);
  if (!partnership || partnership.status === 'ENDED') throw new UserError('invite.invalid');
  if (partnership.towns.some((t) => t.id === town.id)) {
    throw new UserError('partner.already-member', { number: partnership.number, name: partnership.name });
  }
  return { invite, partnership };
}

/**
 * `partner join`. A code that opens nothing is answered, not thrown, so that the failure it
 * records (throttle count and audit entry, never the code) is committed with the answer.
 */
export async function joinPartnership(ctx: CommandContext, args: PartnerJoinArgs): Promise<Reply> {
  const since = new Date(ctx.now.getTime() - JOIN_FAILURE_WINDOW_MINUTES * 60_000);
  const who = { communityId: ctx.community.id, memberId: ctx.member.id };
  const failures = await ctx.repos.invites.countFailures(since, who);
  if (failures.member >= JOIN_FAILURES_PER_PERSON || failures.community >= JOIN_FAILURES_PER_COMMUNITY) {
    throw new UserError('invite.throttled', { minutes: JOIN_FAILURE_WINDOW_MINUTES });
  }
  try {
    return await join(ctx, args);
  } catch (error) {
    if (!(error instanceof UserError) || !CODE_FAILURES.has(error.key)) throw error;
    await ctx.repos.invites.recordFailure(who.communityId, who.memberId, ctx.now);
    await audit(
      ctx,
      'partner.join-refused',
      { type: 'community', id: who.communityId },
      { reason: error.key },
    );
    return { private: true, text: ctx.t(error.key, error.params), error: { key: error.key } };
  }
}

async function join(ctx: CommandContext, args: PartnerJoinArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const { invite, partnership } = await partnershipOfInvite(ctx, args.code);
  // Before the code is spent: joining links this channel.
  ensureBotCanPost(ctx);
  // A concurrent join with the same code loses here, inside its transaction.
  if (!(await ctx.repos.invites.markUsed(invite.id, town.id, ctx.now))) throw new UserError('invite.used');

  await ctx.repos.partnerships.addTown(partnership.id, town.id);
  if (partnership.status === 'PROPOSED')
    await ctx.repos.partnerships.update(partnership.id, { status: 'ACTIVE' });
  const link = await linkThisChannel(ctx, partnership.id, town, args.language);
  await audit(ctx, 'partner.join', { type: 'partnership', id: partnership.id }, { channel: ctx.channel.id });
  // The new channel gets the reminders of exchanges already planned.
  await replanPartnershipReminders(ctx, partnership.id);
  await fanOutToPartnership(ctx, {
    partnershipId: partnership.id,
    kind: 'partnership.joined',
    sourceId: partnership.id,
    occasion: town.id,
    dueAt: ctx.now,
    skipChannelLinkIds: [link.id],
    render: ({ language }) => ({
      text: translatorFor(language)('partner.joined-post', {
        town: town.name,
        country: town.country,
        name: partnership.name,
      }),
    }),
  });
  return {
    private: false,
    text: ctx.t('partner.joined', {
      number: partnership.number,
      name: partnership.name,
      towns: [...partnership.towns.map((t) => t.name), town.name].join(', '),
      channel: ctx.channel.name,
      language: languageName(link.language, ctx.language),
    }),
  };
}

/** How an invite is named in lists and in `partner revoke`: the start of its id. */
export const inviteLabel = (invite: Pick<Invite, 'id'>): string => invite.id.slice(0, 8);

/** `partner invites`: every partner town's coordinators see who can still let a town in. */
export async function listInvites(ctx: CommandContext, args: PartnerInvitesArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await ownPartnership(ctx, args.partnership);
  const invites = await ctx.repos.invites.listOpen(partnership.id, ctx.now);
  if (invites.length === 0) return { private: true, text: ctx.t('invite.none', { name: partnership.name }) };
  const lines = [];
  for (const invite of invites) {
    const creator = await ctx.repos.members.findById(invite.createdByMemberId);
    const from = partnership.towns.find((t) => t.id === invite.fromTownId)?.name ?? '?';
    lines.push(
      ctx.t('invite.line', {
        invite: inviteLabel(invite),
        created: formatInstant(invite.createdAt, town.timeZone, ctx.language),
        person: creator?.displayName ?? '?',
        town: from,
        expires: formatInstant(invite.expiresAt, town.timeZone, ctx.language),
      }),
    );
  }
  return { private: true, text: [ctx.t('invite.list', { name: partnership.name }), ...lines].join('\n') };
}

/** `partner revoke`: the town that created an invite, or the owning town, takes it back. */
export async function revokeInvite(ctx: CommandContext, args: PartnerRevokeArgs): Promise<Reply> {
  const town = actingTown(ctx);
  const partnership = await ownPartnership(ctx, args.partnership);
  const wanted = args.invite.trim().toLowerCase();
  const invite = (await ctx.repos.invites.listOpen(partnership.id, ctx.now)).find(
    (i) => wanted.length > 0 && inviteLabel(i) === wanted.slice(0, 8),
  );
  if (!invite) throw new UserError('invite.not-found', { invite: args.invite, number: partnership.number });
  const owner = ownerTownOf(partnership);
  if (invite.fromTownId !== town.id && owner?.id !== town.id) {
    throw new UserError('invite.revoke-not-allowed', {
      invite: inviteLabel(invite),
      owner: owner?.name ?? '?',
    });
  }
  if (!(await ctx.repos.invites.revoke(invite.id, ctx.now)))
    throw new UserError('invite.not-found', {
      invite: args.invite,
      number: partnership.number,
    });
  await audit(ctx, 'partner.invite-revoke', { type: 'invite', id: invite.id });
  return {
    private: false,
    text: ctx.t('invite.revoked', { invite: inviteLabel(invite), name: partnership.name }),
  };
}
