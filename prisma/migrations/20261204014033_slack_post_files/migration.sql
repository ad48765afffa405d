-- AlterTable
ALTER TABLE "SlackPost" ADD COLUMN     "fileIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "SlackPost_channelId_ts_idx" ON "SlackPost"("channelId", "ts");
