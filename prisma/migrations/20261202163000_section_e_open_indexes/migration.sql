-- Section E (issue 14) adds closed statuses — a report's outcome, a sent letter, a replied letter, records that ask
-- nothing more — so the open-request partial indexes are rebuilt with the new predicate. It must stay exactly the
-- queries' OPEN_SQL (lib/requests/sql.ts): status NOT IN the closed statuses of lib/requests/labels.ts.
DROP INDEX IF EXISTS "Request_open_decider_idx";
CREATE INDEX "Request_open_decider_idx" ON "Request" ("deciderId", "dueDate", "id") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY', 'AGREED', 'NOT_AGREED', 'REJECTED', 'SENT', 'RECORDED', 'APPROVED', 'REPLIED');
DROP INDEX IF EXISTS "Request_open_allocated_idx";
CREATE INDEX "Request_open_allocated_idx" ON "Request" ("allocatedToId", "dueDate", "id") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY', 'AGREED', 'NOT_AGREED', 'REJECTED', 'SENT', 'RECORDED', 'APPROVED', 'REPLIED');
DROP INDEX IF EXISTS "Request_open_reviewer_idx";
CREATE INDEX "Request_open_reviewer_idx" ON "Request" ("reviewerId") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY', 'AGREED', 'NOT_AGREED', 'REJECTED', 'SENT', 'RECORDED', 'APPROVED', 'REPLIED');
DROP INDEX IF EXISTS "Request_open_service_idx";
CREATE INDEX "Request_open_service_idx" ON "Request" ("councilId", "serviceId", "dueDate", "id") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY', 'AGREED', 'NOT_AGREED', 'REJECTED', 'SENT', 'RECORDED', 'APPROVED', 'REPLIED');
DROP INDEX IF EXISTS "Request_open_council_idx";
CREATE INDEX "Request_open_council_idx" ON "Request" ("councilId", "dueDate", "id") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY', 'AGREED', 'NOT_AGREED', 'REJECTED', 'SENT', 'RECORDED', 'APPROVED', 'REPLIED');
