-- AlterTable
ALTER TABLE "User" ADD COLUMN     "portfolioName" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "method" TEXT NOT NULL DEFAULT 'PASSWORD';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "cancelledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "_CabinetPortfolio" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CabinetPortfolio_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "_CabinetPortfolio_B_index" ON "_CabinetPortfolio"("B");

-- AddForeignKey
ALTER TABLE "_CabinetPortfolio" ADD CONSTRAINT "_CabinetPortfolio_A_fkey" FOREIGN KEY ("A") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CabinetPortfolio" ADD CONSTRAINT "_CabinetPortfolio_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

