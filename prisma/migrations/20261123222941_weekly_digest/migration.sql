-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "digestHour" INTEGER NOT NULL DEFAULT 9,
ADD COLUMN     "digestNextRunAt" TIMESTAMP(3),
ADD COLUMN     "digestTimeZone" TEXT,
ADD COLUMN     "digestWeekday" INTEGER DEFAULT 1;

-- CreateIndex
CREATE INDEX "Partnership_digestNextRunAt_idx" ON "Partnership"("digestNextRunAt");
