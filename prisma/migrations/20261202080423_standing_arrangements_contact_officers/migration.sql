-- CreateTable
CREATE TABLE "StandingArrangement" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "safeguards" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "agreedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "StandingArrangement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactOfficer" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactOfficer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StandingArrangement_councilId_createdAt_idx" ON "StandingArrangement"("councilId", "createdAt");

-- CreateIndex
CREATE INDEX "ContactOfficer_councilId_serviceId_position_idx" ON "ContactOfficer"("councilId", "serviceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ContactOfficer_serviceId_userId_key" ON "ContactOfficer"("serviceId", "userId");

