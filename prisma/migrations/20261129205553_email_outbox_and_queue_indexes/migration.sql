-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "emailError" TEXT,
ADD COLUMN     "emailStatus" TEXT NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "emailedAt" TIMESTAMP(3);

-- Notifications written before email existed are not emailed now.
UPDATE "Notification" SET "emailStatus" = 'NONE';

-- CreateIndex
CREATE INDEX "Request_allocatedToId_status_idx" ON "Request"("allocatedToId", "status");

-- CreateIndex
CREATE INDEX "Request_reviewerId_status_idx" ON "Request"("reviewerId", "status");

-- CreateIndex
CREATE INDEX "Request_councilId_serviceId_status_idx" ON "Request"("councilId", "serviceId", "status");

-- CreateIndex
CREATE INDEX "Request_councilId_createdAt_idx" ON "Request"("councilId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_emailStatus_createdAt_idx" ON "Notification"("emailStatus", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_councilId_createdAt_idx" ON "Notification"("councilId", "createdAt");

