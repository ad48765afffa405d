-- CreateTable
CREATE TABLE "RelayReaction" (
    "relayedId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "emoji" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelayReaction_pkey" PRIMARY KEY ("relayedId","linkId","emoji","userId")
);

-- AddForeignKey
ALTER TABLE "RelayReaction" ADD CONSTRAINT "RelayReaction_relayedId_fkey" FOREIGN KEY ("relayedId") REFERENCES "RelayedMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelayReaction" ADD CONSTRAINT "RelayReaction_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ChannelLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
