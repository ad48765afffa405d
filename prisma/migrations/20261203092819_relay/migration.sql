-- AlterTable
ALTER TABLE "ChannelLink" ADD COLUMN     "relay" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "editsDeliveryId" TEXT,
ADD COLUMN     "sequence" BIGSERIAL NOT NULL,
ADD COLUMN     "threadDeliveryId" TEXT,
ADD COLUMN     "threadMessageId" TEXT;

-- CreateTable
CREATE TABLE "RelayedMessage" (
    "id" TEXT NOT NULL,
    "originLinkId" TEXT NOT NULL,
    "originMessageId" TEXT NOT NULL,
    "threadOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelayedMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RelayedMessage_createdAt_idx" ON "RelayedMessage"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RelayedMessage_originLinkId_originMessageId_key" ON "RelayedMessage"("originLinkId", "originMessageId");

-- CreateIndex
CREATE INDEX "Delivery_channelLinkId_platformMessageId_idx" ON "Delivery"("channelLinkId", "platformMessageId");

-- CreateIndex
CREATE INDEX "Delivery_channelLinkId_status_sequence_idx" ON "Delivery"("channelLinkId", "status", "sequence");

-- AddForeignKey
ALTER TABLE "RelayedMessage" ADD CONSTRAINT "RelayedMessage_originLinkId_fkey" FOREIGN KEY ("originLinkId") REFERENCES "ChannelLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
