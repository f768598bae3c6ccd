-- AlterTable
ALTER TABLE "dialog_session" ADD COLUMN     "last_event_id" TEXT;
