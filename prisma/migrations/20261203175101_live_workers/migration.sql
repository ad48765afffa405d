-- CreateTable
CREATE TABLE "LiveWorker" (
    "id" TEXT NOT NULL,
    "platforms" "Platform"[],
    "busy" "Platform"[],
    "knows" TEXT[],
    "seenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveWorker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveWorker_expiresAt_idx" ON "LiveWorker"("expiresAt");

-- CreateIndex
CREATE INDEX "Delivery_recipientMemberId_status_idx" ON "Delivery"("recipientMemberId", "status");
