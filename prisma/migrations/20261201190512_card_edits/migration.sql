-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "editsMessageId" TEXT;

-- Only a channel post can be edited (Prisma has no syntax for this).
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_edits_channel_post_check" CHECK ("editsMessageId" IS NULL OR "channelLinkId" IS NOT NULL);
