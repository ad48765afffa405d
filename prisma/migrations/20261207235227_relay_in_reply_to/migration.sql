-- AlterTable
ALTER TABLE "RelayedMessage" ADD COLUMN     "inReplyTo" TEXT;

-- Slack replies relayed before this column: a reply's thread parent is its thread root's ts in
-- its own channel (the root's original there, or the root's copy posted there), so a backfill
-- after the upgrade reads their threads too. Replies to a parent the relay never saw stay NULL
-- (nothing recorded them), as do Discord messages (their thread is in their id).
UPDATE "RelayedMessage" AS r
SET "inReplyTo" = COALESCE(
  (SELECT root."originMessageId" FROM "RelayedMessage" root
    WHERE root.id = r."threadOfId" AND root."originLinkId" = r."originLinkId"),
  (SELECT d."platformMessageId" FROM "Delivery" d
    WHERE d."sourceId" = r."threadOfId" AND d."channelLinkId" = r."originLinkId"
      AND d.kind = 'relay.message' AND d."platformMessageId" IS NOT NULL
    LIMIT 1))
FROM "ChannelLink" l JOIN "Community" c ON c.id = l."communityId"
WHERE l.id = r."originLinkId" AND c.platform = 'SLACK' AND r."threadOfId" IS NOT NULL;
