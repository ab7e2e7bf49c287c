-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CouncilKind" AS ENUM ('UNITARY', 'METROPOLITAN_BOROUGH', 'DISTRICT', 'COUNTY', 'TOWN', 'PARISH', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEMBER', 'LEADER_OF_COUNCIL', 'CABINET_MEMBER', 'COUNCIL_CHAIR', 'COUNCIL_VICE_CHAIR', 'OFFICER', 'CHIEF_OFFICER', 'DEPUTY_CHIEF_EXECUTIVE', 'CHIEF_OPERATING_OFFICER', 'CHIEF_EXECUTIVE', 'DIRECTOR_OF_GOVERNANCE', 'MONITORING_OFFICER', 'TOWN_CLERK', 'POLITICAL_ASSISTANT', 'ADMIN');

-- CreateEnum
CREATE TYPE "Seniority" AS ENUM ('JUNIOR', 'SENIOR');

-- CreateEnum
CREATE TYPE "GroupOfficeKind" AS ENUM ('LEADER', 'CHAIR', 'CHIEF_WHIP', 'SPOKESPERSON');

-- CreateTable
CREATE TABLE "Council" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CouncilKind" NOT NULL,
    "profileKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Council_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "jobTitle" TEXT,
    "partyGroupId" TEXT,
    "serviceId" TEXT,
    "seniority" "Seniority",
    "tier" INTEGER,
    "jnc" BOOLEAN NOT NULL DEFAULT false,
    "weeklyCapacityHours" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyGroup" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isAdministration" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PartyGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupOffice" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "GroupOfficeKind" NOT NULL,
    "portfolio" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "GroupOffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ward" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Ward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "chiefOfficerId" TEXT,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Committee" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "chairId" TEXT,

    CONSTRAINT "Committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "_WardMembers" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_WardMembers_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_CommitteeMembers" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CommitteeMembers_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Council_slug_key" ON "Council"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_councilId_idx" ON "User"("councilId");

-- CreateIndex
CREATE INDEX "User_councilId_partyGroupId_idx" ON "User"("councilId", "partyGroupId");

-- CreateIndex
CREATE INDEX "User_councilId_serviceId_idx" ON "User"("councilId", "serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "PartyGroup_councilId_name_key" ON "PartyGroup"("councilId", "name");

-- CreateIndex
CREATE INDEX "GroupOffice_councilId_userId_idx" ON "GroupOffice"("councilId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupOffice_groupId_kind_userId_portfolio_key" ON "GroupOffice"("groupId", "kind", "userId", "portfolio");

-- CreateIndex
CREATE UNIQUE INDEX "Ward_councilId_name_key" ON "Ward"("councilId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Service_councilId_name_key" ON "Service"("councilId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Committee_councilId_name_key" ON "Committee"("councilId", "name");

-- CreateIndex
CREATE INDEX "_WardMembers_B_index" ON "_WardMembers"("B");

-- CreateIndex
CREATE INDEX "_CommitteeMembers_B_index" ON "_CommitteeMembers"("B");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_partyGroupId_fkey" FOREIGN KEY ("partyGroupId") REFERENCES "PartyGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyGroup" ADD CONSTRAINT "PartyGroup_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupOffice" ADD CONSTRAINT "GroupOffice_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupOffice" ADD CONSTRAINT "GroupOffice_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PartyGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupOffice" ADD CONSTRAINT "GroupOffice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ward" ADD CONSTRAINT "Ward_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_chiefOfficerId_fkey" FOREIGN KEY ("chiefOfficerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Committee" ADD CONSTRAINT "Committee_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Committee" ADD CONSTRAINT "Committee_chairId_fkey" FOREIGN KEY ("chairId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_WardMembers" ADD CONSTRAINT "_WardMembers_A_fkey" FOREIGN KEY ("A") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_WardMembers" ADD CONSTRAINT "_WardMembers_B_fkey" FOREIGN KEY ("B") REFERENCES "Ward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CommitteeMembers" ADD CONSTRAINT "_CommitteeMembers_A_fkey" FOREIGN KEY ("A") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CommitteeMembers" ADD CONSTRAINT "_CommitteeMembers_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

