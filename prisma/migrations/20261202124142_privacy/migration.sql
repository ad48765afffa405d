-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "forgottenAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- The audit log kept the languages and interests a member saved (personal data, forever): keep
-- only which fields were set.
UPDATE "AuditEntry"
SET "details" = jsonb_build_object(
  'fields',
  COALESCE((SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys("details") AS k), '[]'::jsonb)
)
WHERE "action" = 'profile.set' AND jsonb_typeof("details") = 'object';
