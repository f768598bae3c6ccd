-- AlterTable
ALTER TABLE "sent_message" ADD COLUMN     "card" JSONB;
