-- AlterTable
ALTER TABLE "sent_message" ADD COLUMN     "card_version" INTEGER NOT NULL DEFAULT 0;
