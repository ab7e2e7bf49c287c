-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "cancellationReason" TEXT NOT NULL DEFAULT '';

