/**
 * What one row of the claim statement (PrismaDeliveryRepository.claimDue) becomes: the claimed
 * delivery with its payload's dates revived and where it goes.
 */
import type { Platform } from '../../core/domain/model.ts';
import type { ClaimedDelivery, OutgoingMessage } from '../../core/ports.ts';

/** JSON keeps dates as strings: bring the exchange card's instants back. */
function reviveMessage(payload: unknown): OutgoingMessage {
  const message = payload as OutgoingMessage;
  if (message.exchange) {
    message.exchange.startsAt = new Date(message.exchange.startsAt);
    message.exchange.endsAt = new Date(message.exchange.endsAt);
  }
  return message;
}

/** One claimed row with where it goes, as the claim statement returns it. */
export interface ClaimedRow {
  id: string;
  kind: string;
  sourceId: string;
  attempts: number;
  takeovers: number;
  firstFailedAt: Date | null;
  unansweredAt: Date | null;
  payload: unknown;
  dueAt: Date;
  channelLinkId: string | null;
  editsMessageId: string | null;
  threadMessageId: string | null;
  targetMissing: boolean;
  linkTownId: string | null;
  linkPartnershipId: string | null;
  linkLanguage: string | null;
  channelId: string | null;
  channelName: string | null;
  linkPlatform: Platform | null;
  linkCommunity: string | null;
  recipientMemberId: string | null;
  platformUserId: string | null;
  memberPlatform: Platform | null;
  memberCommunity: string | null;
}

function destinationOf(row: ClaimedRow): ClaimedDelivery['destination'] {
  if (row.channelLinkId !== null && row.linkPlatform !== null) {
    return {
      kind: 'channel',
      channelLinkId: row.channelLinkId,
      townId: row.linkTownId ?? '',
      partnershipId: row.linkPartnershipId ?? '',
      language: row.linkLanguage ?? '',
      target: {
        platform: row.linkPlatform,
        communityExternalId: row.linkCommunity ?? '',
        channelId: row.channelId ?? '',
        channelName: row.channelName ?? '',
      },
      ...(row.editsMessageId === null ? {} : { editsMessageId: row.editsMessageId }),
      ...(row.threadMessageId === null ? {} : { threadMessageId: row.threadMessageId }),
      ...(row.targetMissing ? { targetMissing: true as const } : {}),
    };
  }
  if (row.recipientMemberId !== null && row.memberPlatform !== null) {
    return {
      kind: 'direct',
      recipientMemberId: row.recipientMemberId,
      target: {
        platform: row.memberPlatform,
        communityExternalId: row.memberCommunity ?? '',
        userId: row.platformUserId ?? '',
      },
      ...(row.editsMessageId === null ? {} : { editsMessageId: row.editsMessageId }),
      ...(row.targetMissing ? { targetMissing: true as const } : {}),
    };
  }
  // The database's check constraint and foreign keys make this unreachable.
  throw new Error(`delivery ${row.id} has no destination`);
}

export function claimedDelivery(row: ClaimedRow): ClaimedDelivery {
  return {
    id: row.id,
    kind: row.kind,
    sourceId: row.sourceId,
    attempts: Number(row.attempts),
    takeovers: Number(row.takeovers),
    firstFailedAt: row.firstFailedAt,
    unansweredBefore: row.unansweredAt !== null,
    payload: reviveMessage(row.payload),
    dueAt: row.dueAt,
    destination: destinationOf(row),
  };
}
