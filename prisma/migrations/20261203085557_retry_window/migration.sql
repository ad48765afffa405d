-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "firstFailedAt" TIMESTAMP(3),
ADD COLUMN     "takeovers" INTEGER NOT NULL DEFAULT 0;
