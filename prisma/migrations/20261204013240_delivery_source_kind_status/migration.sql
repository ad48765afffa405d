-- DropIndex
DROP INDEX "Delivery_sourceId_idx";

-- CreateIndex
CREATE INDEX "Delivery_sourceId_kind_status_idx" ON "Delivery"("sourceId", "kind", "status");
