-- CreateTable
CREATE TABLE "ReminderReplan" (
    "partnershipId" TEXT NOT NULL,
    "afterStartsAt" TIMESTAMP(3),
    "afterNumber" INTEGER,
    "touchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderReplan_pkey" PRIMARY KEY ("partnershipId")
);

-- AddForeignKey
ALTER TABLE "ReminderReplan" ADD CONSTRAINT "ReminderReplan_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
