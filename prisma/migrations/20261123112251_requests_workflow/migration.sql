-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('INFORMATION', 'BRIEFING', 'COMPLAINT', 'ASSISTANCE', 'AGENDA_ITEM', 'CODE_BREACH');

-- CreateEnum
CREATE TYPE "AccessLevel" AS ENUM ('FULL', 'SUMMARY', 'METADATA');

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "type" "RequestType" NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "subject" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "subjectKey" TEXT,
    "serviceId" TEXT,
    "groupId" TEXT,
    "createdById" TEXT NOT NULL,
    "deciderId" TEXT,
    "allocatedToId" TEXT,
    "reviewerId" TEXT,
    "dueDate" DATE,
    "pausedAt" TIMESTAMP(3),
    "pauseReason" TEXT,
    "marking" TEXT NOT NULL DEFAULT 'NONE',
    "data" JSONB NOT NULL DEFAULT '{}',
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestAccess" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "userId" TEXT,
    "groupId" TEXT,
    "allMembers" BOOLEAN NOT NULL DEFAULT false,
    "level" "AccessLevel" NOT NULL,
    "ruleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "reasons" TEXT,
    "ruleId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "marking" TEXT NOT NULL DEFAULT 'NONE',
    "madePublicAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendee" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'INVITED',
    "invitedById" TEXT NOT NULL,
    "reasons" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "outcome" TEXT,
    "outcomeReasons" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupDesignation" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "designatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupDesignation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATE NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilCounter" (
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "next" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CouncilCounter_pkey" PRIMARY KEY ("councilId","name")
);

-- CreateIndex
CREATE INDEX "Request_councilId_type_status_idx" ON "Request"("councilId", "type", "status");

-- CreateIndex
CREATE INDEX "Request_deciderId_status_idx" ON "Request"("deciderId", "status");

-- CreateIndex
CREATE INDEX "Request_councilId_dueDate_idx" ON "Request"("councilId", "dueDate");

-- CreateIndex
CREATE INDEX "Request_councilId_subjectKey_idx" ON "Request"("councilId", "subjectKey");

-- CreateIndex
CREATE UNIQUE INDEX "Request_councilId_reference_key" ON "Request"("councilId", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "Request_createdById_idempotencyKey_key" ON "Request"("createdById", "idempotencyKey");

-- CreateIndex
CREATE INDEX "RequestAccess_userId_requestId_idx" ON "RequestAccess"("userId", "requestId");

-- CreateIndex
CREATE INDEX "RequestAccess_groupId_requestId_idx" ON "RequestAccess"("groupId", "requestId");

-- CreateIndex
CREATE INDEX "RequestAccess_requestId_idx" ON "RequestAccess"("requestId");

-- CreateIndex
CREATE INDEX "RequestAccess_councilId_allMembers_idx" ON "RequestAccess"("councilId", "allMembers");

-- CreateIndex
CREATE INDEX "AuditEvent_requestId_createdAt_idx" ON "AuditEvent"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_councilId_createdAt_idx" ON "AuditEvent"("councilId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_requestId_createdAt_idx" ON "Message"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "Attendee_officerId_status_idx" ON "Attendee"("officerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Attendee_requestId_officerId_key" ON "Attendee"("requestId", "officerId");

-- CreateIndex
CREATE INDEX "Review_reviewerId_outcome_idx" ON "Review"("reviewerId", "outcome");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Absence_councilId_fromDate_toDate_idx" ON "Absence"("councilId", "fromDate", "toDate");

-- CreateIndex
CREATE UNIQUE INDEX "GroupDesignation_groupId_userId_key" ON "GroupDesignation"("groupId", "userId");

-- CreateIndex
CREATE INDEX "Meeting_councilId_date_idx" ON "Meeting"("councilId", "date");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestAccess" ADD CONSTRAINT "RequestAccess_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendee" ADD CONSTRAINT "Attendee_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilCounter" ADD CONSTRAINT "CouncilCounter_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The timeline is append-only: an audit event is never changed after it is written.
-- The function body is an E-string with the semicolon written as \073 because the migration runner splits
-- scripts at every semicolon character, including those inside dollar-quoted bodies.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''AuditEvent rows are append-only''\073 END';

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
