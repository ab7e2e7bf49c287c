-- CreateTable
CREATE TABLE "LeadershipMeeting" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "notes" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadershipMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeadershipMeeting_councilId_date_idx" ON "LeadershipMeeting"("councilId", "date");

