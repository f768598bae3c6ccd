-- AlterTable
ALTER TABLE "incident" ADD COLUMN     "casualty_words" TEXT;
