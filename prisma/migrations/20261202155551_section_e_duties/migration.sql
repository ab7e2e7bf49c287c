-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'DEMOCRATIC_SERVICES';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestType" ADD VALUE 'REPORT';
ALTER TYPE "RequestType" ADD VALUE 'CORRESPONDENCE';
ALTER TYPE "RequestType" ADD VALUE 'LETTER';
ALTER TYPE "RequestType" ADD VALUE 'DISCLOSURE';
ALTER TYPE "RequestType" ADD VALUE 'VISIT';
ALTER TYPE "RequestType" ADD VALUE 'REPRESENTATION';
ALTER TYPE "RequestType" ADD VALUE 'PUBLICITY';
ALTER TYPE "RequestType" ADD VALUE 'EVENT';

-- AlterTable
ALTER TABLE "Committee" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'COMMITTEE',
ADD COLUMN     "termsOfReference" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "committeeId" TEXT,
ADD COLUMN     "meetingId" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "agendaDeadline" DATE,
ADD COLUMN     "committeeId" TEXT,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "location" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "publishedById" TEXT;

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "number" INTEGER,
    "state" TEXT NOT NULL DEFAULT 'CURRENT',
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "recommendations" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "ground" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberReport" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "capacity" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportConsultation" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "consulteeId" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "serviceId" TEXT,
    "comments" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "ReportConsultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportAuthorisation" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "chiefOfficerId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "serviceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ReportAuthorisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrespondenceCopy" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "copiedById" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reasons" TEXT,
    "ruleId" TEXT,
    "consentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CorrespondenceCopy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportVersion_requestId_createdAt_idx" ON "ReportVersion"("requestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportVersion_requestId_number_key" ON "ReportVersion"("requestId", "number");

-- CreateIndex
CREATE INDEX "MemberReport_requestId_idx" ON "MemberReport"("requestId");

-- CreateIndex
CREATE INDEX "ReportConsultation_consulteeId_respondedAt_idx" ON "ReportConsultation"("consulteeId", "respondedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReportConsultation_requestId_consulteeId_key" ON "ReportConsultation"("requestId", "consulteeId");

-- CreateIndex
CREATE INDEX "ReportAuthorisation_councilId_officerId_idx" ON "ReportAuthorisation"("councilId", "officerId");

-- CreateIndex
CREATE INDEX "CorrespondenceCopy_recipientId_idx" ON "CorrespondenceCopy"("recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "CorrespondenceCopy_requestId_recipientId_key" ON "CorrespondenceCopy"("requestId", "recipientId");

-- CreateIndex
CREATE INDEX "Request_meetingId_idx" ON "Request"("meetingId");

-- CreateIndex
CREATE INDEX "Meeting_committeeId_date_idx" ON "Meeting"("committeeId", "date");


-- Agenda items kept their meeting in data until now: copy it to the new column (HTC-D8).
UPDATE "Request" SET "meetingId" = "data"->>'meetingId' WHERE "type" = 'AGENDA_ITEM' AND "data" ? 'meetingId';
