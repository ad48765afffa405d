-- AlterTable
ALTER TABLE "Announcement" ADD COLUMN     "townId" TEXT;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "revokedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "ownerTownId" TEXT;

-- CreateTable
CREATE TABLE "InviteFailure" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InviteFailure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InviteFailure_communityId_at_idx" ON "InviteFailure"("communityId", "at");

-- CreateIndex
CREATE INDEX "InviteFailure_memberId_at_idx" ON "InviteFailure"("memberId", "at");

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_ownerTownId_fkey" FOREIGN KEY ("ownerTownId") REFERENCES "Town"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: the founding town (the longest-standing member) owns each existing partnership.
UPDATE "Partnership" p SET "ownerTownId" = (
  SELECT pt."townId" FROM "PartnershipTown" pt WHERE pt."partnershipId" = p."id"
  ORDER BY pt."joinedAt" ASC, pt."townId" ASC LIMIT 1
);

-- Data: an announcement belongs to its author's town.
UPDATE "Announcement" a SET "townId" = m."townId" FROM "Member" m WHERE m."id" = a."authorId";

-- Data: codes are now kept as an HMAC with a server key; the unused ones hashed with a bare
-- SHA-256 can no longer be matched, so they expire now (towns create new ones).
UPDATE "Invite" SET "expiresAt" = CURRENT_TIMESTAMP WHERE "usedAt" IS NULL AND "expiresAt" > CURRENT_TIMESTAMP;
