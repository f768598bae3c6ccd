-- CreateTable
CREATE TABLE "daily_report" (
    "id" SERIAL NOT NULL,
    "unit_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "kind" TEXT,
    "reporter_id" TEXT,
    "incident_id" INTEGER,
    "reported_at" TIMESTAMP(3),
    "recorded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "daily_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder_pause" (
    "id" SERIAL NOT NULL,
    "chat_id" TEXT NOT NULL,
    "paused_by" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "reminder_pause_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "daily_report_day_idx" ON "daily_report"("day");

-- CreateIndex
CREATE UNIQUE INDEX "daily_report_unit_id_day_key" ON "daily_report"("unit_id", "day");

-- CreateIndex
CREATE INDEX "reminder_pause_chat_id_until_idx" ON "reminder_pause"("chat_id", "until");
