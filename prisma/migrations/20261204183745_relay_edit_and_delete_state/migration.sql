-- AlterTable
ALTER TABLE "RelayedMessage" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "lastEditId" TEXT;
