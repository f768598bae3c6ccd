-- AlterTable
ALTER TABLE "dialog_session" ADD COLUMN     "event_ids" JSONB NOT NULL DEFAULT '[]';
