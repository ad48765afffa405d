-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "unansweredAt" TIMESTAMP(3);
