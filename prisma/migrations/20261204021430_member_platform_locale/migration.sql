-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "platformLocale" TEXT;
