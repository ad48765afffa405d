-- DropIndex
DROP INDEX "Partnership_digestNextRunAt_idx";

-- CreateIndex
CREATE INDEX "Partnership_digestNextRunAt_number_idx" ON "Partnership"("digestNextRunAt", "number");
