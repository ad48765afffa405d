-- The weekly digest's claim (PrismaPartnershipRepository.claimDueDigest) with 40,000 partnerships
-- due, on a temporary copy of the columns it reads: with today's index on "digestNextRunAt", and
-- with one in the claim's order. Run: psql -h 127.0.0.1 -U postgres -f bench/support/digest-claim-index.sql
CREATE TEMP TABLE p AS
  SELECT md5(i::text) AS id, i AS number, 1 AS "digestWeekday", 'ACTIVE'::text AS status,
    timestamp '2026-12-07 07:00' + (i % 3) * interval '1 hour' AS "digestNextRunAt"
  FROM generate_series(1, 40000) i;
CREATE INDEX ON p ("digestNextRunAt");
ANALYZE p;
\echo 'today: an index on "digestNextRunAt"'
EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM p
  WHERE "digestWeekday" IS NOT NULL AND status <> 'ENDED'
    AND ("digestNextRunAt" IS NULL OR "digestNextRunAt" <= '2026-12-07 09:00') AND NOT (id = ANY('{}'::text[]))
  ORDER BY "digestNextRunAt" ASC NULLS FIRST, number ASC LIMIT 1 FOR UPDATE SKIP LOCKED;
CREATE INDEX ON p ("digestNextRunAt" ASC NULLS FIRST, number);
\echo 'with an index in the claim''s order'
EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM p
  WHERE "digestWeekday" IS NOT NULL AND status <> 'ENDED'
    AND ("digestNextRunAt" IS NULL OR "digestNextRunAt" <= '2026-12-07 09:00') AND NOT (id = ANY('{}'::text[]))
  ORDER BY "digestNextRunAt" ASC NULLS FIRST, number ASC LIMIT 1 FOR UPDATE SKIP LOCKED;
