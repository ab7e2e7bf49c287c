-- Indexes that let the queue and the dashboard ignore the history (docs/performance.md). Open requests are a small,
-- steady share of all requests: partial indexes over them keep the handler's queue, its counts and the dashboard
-- flat as closed requests accumulate. The predicate must stay exactly the queries' OPEN_SQL (lib/requests/queue.ts):
-- status NOT IN the closed statuses of lib/requests/labels.ts.
CREATE INDEX "Request_open_decider_idx" ON "Request" ("deciderId", "dueDate", "id") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY');
CREATE INDEX "Request_open_allocated_idx" ON "Request" ("allocatedToId", "dueDate", "id") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY');
CREATE INDEX "Request_open_reviewer_idx" ON "Request" ("reviewerId") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY');
CREATE INDEX "Request_open_service_idx" ON "Request" ("councilId", "serviceId", "dueDate", "id") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY');
CREATE INDEX "Request_open_council_idx" ON "Request" ("councilId", "dueDate", "id") WHERE "status" NOT IN ('GRANTED', 'REFUSED', 'DECLINED', 'COMPLETED', 'CLOSED', 'WITHDRAWN', 'REFERRED_TO_PARTY');

-- Shared queues (CWC-B3) name their recipients in data.recipientIds.
CREATE INDEX "Request_recipients_idx" ON "Request" USING gin (("data" -> 'recipientIds'));

-- Visibility checks probe a request's grants by request id.
CREATE INDEX "RequestAccess_requestId_userId_idx" ON "RequestAccess" ("requestId", "userId");
