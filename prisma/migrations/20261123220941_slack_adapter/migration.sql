-- CreateTable
CREATE TABLE "SlackInstallation" (
    "id" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "isEnterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackEventReceipt" (
    "eventId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackEventReceipt_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "SlackPost" (
    "deliveryId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "ts" TEXT,
    "attemptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackPost_pkey" PRIMARY KEY ("deliveryId")
);

-- CreateIndex
CREATE INDEX "SlackEventReceipt_receivedAt_idx" ON "SlackEventReceipt"("receivedAt");

-- CreateIndex
CREATE INDEX "SlackPost_createdAt_idx" ON "SlackPost"("createdAt");
