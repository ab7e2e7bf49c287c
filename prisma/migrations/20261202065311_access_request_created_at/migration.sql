-- AlterTable
ALTER TABLE "RequestAccess" ADD COLUMN     "requestCreatedAt" TIMESTAMP(3);


-- Filled from the request when a grant is written (requests are never re-dated), and for existing grants now.
UPDATE "RequestAccess" a SET "requestCreatedAt" = r."createdAt" FROM "Request" r WHERE r.id = a."requestId";

CREATE OR REPLACE FUNCTION request_access_created_at() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF NEW."requestCreatedAt" IS NULL THEN SELECT r."createdAt" INTO NEW."requestCreatedAt" FROM "Request" r WHERE r.id = NEW."requestId"\073 END IF\073 RETURN NEW\073 END';

CREATE TRIGGER "RequestAccess_request_created_at" BEFORE INSERT ON "RequestAccess"
  FOR EACH ROW EXECUTE FUNCTION request_access_created_at();

-- A person's grants, newest request first: the first page of "Your requests" without reading the rest.
CREATE INDEX "RequestAccess_user_newest_idx" ON "RequestAccess" ("userId", "requestCreatedAt" DESC, "requestId");
CREATE INDEX "RequestAccess_group_newest_idx" ON "RequestAccess" ("groupId", "requestCreatedAt" DESC, "requestId");
CREATE INDEX "RequestAccess_all_members_newest_idx" ON "RequestAccess" ("councilId", "requestCreatedAt" DESC, "requestId") WHERE "allMembers";
