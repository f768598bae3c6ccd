/*
  Warnings:

  - A unique constraint covering the columns `[event_id]` on the table `console_message` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "console_message" ADD COLUMN     "event_id" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "console_message_event_id_key" ON "console_message"("event_id");
