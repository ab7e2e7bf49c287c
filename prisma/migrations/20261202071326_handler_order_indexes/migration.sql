-- The CSV export and "closed" or "all" queue views read each relationship's requests in the list's order and stop
-- at a batch (docs/performance.md): these indexes give that order for all requests, not only open ones.
CREATE INDEX "Request_decider_due_idx" ON "Request" ("deciderId", "dueDate", "id");
CREATE INDEX "Request_decider_created_idx" ON "Request" ("deciderId", "createdAt", "id");
CREATE INDEX "Request_allocated_created_idx" ON "Request" ("allocatedToId", "createdAt", "id");
CREATE INDEX "Request_service_due_idx" ON "Request" ("councilId", "serviceId", "dueDate", "id");
CREATE INDEX "Request_service_created_idx" ON "Request" ("councilId", "serviceId", "createdAt", "id");
