-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "madePublicAt" TIMESTAMP(3),
ADD COLUMN     "marking" TEXT NOT NULL DEFAULT 'NONE';

