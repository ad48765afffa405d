/**
 * Telling coordinators when the outbox gives up: a post that failed for good, a channel the bot
 * can no longer post to, a person who cannot be reached directly. Notices are direct messages
 * to the coordinators of the town concerned, each in that coordinator's language, enqueued in
 * the same transaction that records the failure.
 *
 * Notices never cause notices: when one fails, it is only logged, so a platform that is down
 * cannot set off a loop.
 */
import { commandSyntax } from '../commands/command-syntax.ts';
import { isRelayKind } from '../relay/relayed-post.ts';
import type { Member, Town } from '../domain/model.ts';
import { recipientLanguage, type SupportedLanguage } from '../i18n/languages.ts';
import { translate, type MessageKey, type MessageParams } from '../i18n/translator.ts';
import type { ClaimedDelivery, NewDelivery, Repositories } from '../ports.ts';

export const NOTICE_KIND_PREFIX = 'notice.';

export function isNotice(kind: string): boolean {
  return kind.startsWith(NOTICE_KIND_PREFIX);
}

export type DeliveryFailure =
  /** Failed for good (not retryable, still failing after the retry window, or a crash loop). */
  | { type: 'failed'; delivery: ClaimedDelivery; reason: string }
  /** The platform says the bot cannot post to this channel any more; the link was just marked broken. */
  | { type: 'channel-broken'; delivery: ClaimedDelivery; reason: string; abandoned: number };

/** Enqueues the notices a failure calls for; returns how many. */
export async function enqueueFailureNotices(
  repos: Repositories,
  failure: DeliveryFailure,
  now: Date,
): Promise<number> {
  const { delivery } = failure;
  if (isNotice(delivery.kind)) return 0;
  const destination = delivery.destination;
  const excerpt = excerptOf(delivery.payload.text);

  // A card that could not be redrawn (deleted meanwhile) still shows what it showed: not worth a notice.
  if (failure.type === 'failed' && destination.editsMessageId) return 0;
  // Nor is one chat message of a relayed conversation (a member's words, besides): the log has it,
  // and a channel the relay can no longer post to is told as broken like any other.
  if (failure.type === 'failed' && isRelayKind(delivery.kind)) return 0;

  if (destination.kind === 'channel') {
    const town = await repos.towns.findById(destination.townId);
    if (!town) return 0;
    const partnership = await repos.partnerships.findById(destination.partnershipId);
    const channel = destination.target.channelName || destination.target.channelId;
    const common = { channel, partnership: partnership?.name ?? '' };
    const [kind, key, params]: [string, MessageKey, MessageParams] =
      failure.type === 'channel-broken'
        ? [
            'notice.channel-broken',
            'notice.channel-broken',
            { ...common, reason: failure.reason, abandoned: failure.abandoned },
          ]
        : [
            'notice.delivery-failed',
            'notice.delivery-failed',
            { ...common, reason: failure.reason, attempts: delivery.attempts, excerpt },
          ];
    return enqueueToCoordinators(repos, town, {
      kind,
      sourceId: delivery.id,
      // One notice per failed delivery and coordinator; a link breaks once until it is linked again.
      dedupeKey: (coordinator) => `${kind}:${delivery.id}:${coordinator.id}`,
      // The coordinators are on the broken channel's platform: commands written as typed there.
      render: (language) =>
        translate(language, key, params, commandSyntax(destination.target.platform).prefix),
      now,
    });
  }

  const member = await repos.members.findById(destination.recipientMemberId);
  if (!member?.townId) return 0;
  const town = await repos.towns.findById(member.townId);
  if (!town) return 0;
  const day = now.toISOString().slice(0, 10);
  return enqueueToCoordinators(repos, town, {
    kind: 'notice.direct-failed',
    sourceId: delivery.id,
    // Someone with direct messages closed misses every reminder: tell coordinators once a day.
    dedupeKey: (coordinator) => `notice.direct-failed:${member.id}:${coordinator.id}:${day}`,
    render: (language) =>
      translate(language, 'notice.direct-failed', {
        member: member.displayName,
        reason: failure.reason,
        attempts: delivery.attempts,
        excerpt,
      }),
    except: member.id,
    now,
  });
}

async function enqueueToCoordinators(
  repos: Repositories,
  town: Town,
  notice: {
    kind: string;
    sourceId: string;
    dedupeKey: (coordinator: Member) => string;
    render: (language: SupportedLanguage) => string;
    except?: string;
    now: Date;
  },
): Promise<number> {
  const coordinators = await repos.members.listByRole(town.id, 'COORDINATOR');
  const deliveries: NewDelivery[] = coordinators
    .filter((coordinator) => coordinator.id !== notice.except)
    .map((coordinator) => ({
      dedupeKey: notice.dedupeKey(coordinator),
      kind: notice.kind,
      sourceId: notice.sourceId,
      recipientMemberId: coordinator.id,
      payload: { text: notice.render(recipientLanguage(coordinator, town)) },
      dueAt: notice.now,
    }));
  return repos.deliveries.enqueue(deliveries);
}

/** The first line of a post, shortened: enough for a coordinator to recognise it. */
export function excerptOf(text: string, max = 120): string {
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  return firstLine.length <= max ? firstLine : `${firstLine.slice(0, max - 1).trimEnd()}…`;
}
