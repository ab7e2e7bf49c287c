-- Search across everything (lib/requests/search.ts, docs/decisions/0011-full-text-search.md). The words of each
-- searchable field are kept as a tsvector beside it, each with a GIN index, so that a search reads only the rows
-- whose words match and ranks them without re-reading their text. schema.prisma declares these columns as
-- Unsupported("tsvector"), and what it cannot express is written here by hand.

-- Messages and file names: columns PostgreSQL generates itself (the app never writes them). File names are words
-- joined by dots, dashes and underscores ("gritting_routes-2026.pdf"), which the parser would keep as one token.
ALTER TABLE "Message" ADD COLUMN "bodyVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "body")) STORED;
ALTER TABLE "Attachment" ADD COLUMN "filenameVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', translate("filename", '._-', '   '))) STORED;

-- Requests: one row per request in a table of its own, so that reads of the request row (the request page reads
-- `SELECT r.*`) never carry it and a change of status does not rewrite it. The subject has a vector of its own: a
-- viewer with SUMMARY access matches on the subject only, never on the details.
CREATE TABLE "RequestSearch" (
    "requestId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "subjectVector" tsvector NOT NULL,
    "textVector" tsvector NOT NULL,

    CONSTRAINT "RequestSearch_pkey" PRIMARY KEY ("requestId"),
    CONSTRAINT "RequestSearch_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE
);

INSERT INTO "RequestSearch" ("requestId", "councilId", "createdAt", "subjectVector", "textVector")
  SELECT id, "councilId", "createdAt", to_tsvector('english', subject), to_tsvector('english', subject || ' ' || details)
  FROM "Request";

-- Written when a request is created and whenever its subject or details change (semicolons inside the body are
-- written \073: the migration runner splits statements at semicolons).
CREATE OR REPLACE FUNCTION request_search_sync() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO "RequestSearch" ("requestId", "councilId", "createdAt", "subjectVector", "textVector") VALUES (NEW.id, NEW."councilId", NEW."createdAt", to_tsvector(''english'', NEW.subject), to_tsvector(''english'', NEW.subject || '' '' || NEW.details)) ON CONFLICT ("requestId") DO UPDATE SET "councilId" = EXCLUDED."councilId", "createdAt" = EXCLUDED."createdAt", "subjectVector" = EXCLUDED."subjectVector", "textVector" = EXCLUDED."textVector"\073 RETURN NULL\073 END';

CREATE TRIGGER "Request_search_sync" AFTER INSERT OR UPDATE OF subject, details, "councilId", "createdAt" ON "Request"
  FOR EACH ROW EXECUTE FUNCTION request_search_sync();

-- The newest matches of a very common word are read newest first, per council.
CREATE INDEX "RequestSearch_councilId_createdAt_idx" ON "RequestSearch"("councilId", "createdAt");
CREATE INDEX "RequestSearch_subject_idx" ON "RequestSearch" USING gin ("subjectVector");
CREATE INDEX "RequestSearch_text_idx" ON "RequestSearch" USING gin ("textVector");
CREATE INDEX "Message_body_search_idx" ON "Message" USING gin ("bodyVector");
CREATE INDEX "Attachment_filename_search_idx" ON "Attachment" USING gin ("filenameVector");

-- Saved views (migration search_and_saved_views): a name is unique for its person whatever the case ("Overdue" and
-- "overdue" would be two links reading alike).
CREATE UNIQUE INDEX "SavedView_userId_lower_name_key" ON "SavedView" ("userId", lower("name"));
