-- CreateTable
CREATE TABLE "incident" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "reporter_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "grade_id" TEXT NOT NULL,
    "suggested_grade_id" TEXT,
    "occurred_at" TIMESTAMP(3),
    "learned_at" TIMESTAMP(3),
    "reported_at" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "summary" TEXT,
    "deaths" INTEGER,
    "injured" INTEGER,
    "missing" INTEGER,
    "measures" TEXT,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "contact_post" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "late_by_ms" INTEGER NOT NULL DEFAULT 0,
    "written_due_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),
    "written_overdue_at" TIMESTAMP(3),
    "alerted_at" TIMESTAMP(3),
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "acknowledged_at" TIMESTAMP(3),
    "acknowledged_by" TEXT,
    "renotified_at" TIMESTAMP(3),
    "follow_up_count" INTEGER NOT NULL DEFAULT 0,
    "last_report_at" TIMESTAMP(3) NOT NULL,
    "missed_follow_ups" INTEGER NOT NULL DEFAULT 0,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_report" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "source_key" TEXT NOT NULL,
    "reporter_id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,
    "content" JSONB NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "incident_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timeline_entry" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "timeline_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instruction" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "source_key" TEXT NOT NULL,
    "leader_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "chase_count" INTEGER NOT NULL DEFAULT 0,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "instruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instruction_receipt" (
    "instruction_id" INTEGER NOT NULL,
    "person_id" TEXT NOT NULL,
    "confirmed_at" TIMESTAMP(3),

    CONSTRAINT "instruction_receipt_pkey" PRIMARY KEY ("instruction_id","person_id")
);

-- CreateTable
CREATE TABLE "incident_sequence" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "incident_sequence_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_number_key" ON "incident"("number");

-- CreateIndex
CREATE UNIQUE INDEX "incident_source_key_key" ON "incident"("source_key");

-- CreateIndex
CREATE INDEX "incident_status_idx" ON "incident"("status");

-- CreateIndex
CREATE INDEX "incident_unit_id_status_idx" ON "incident"("unit_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "incident_report_source_key_key" ON "incident_report"("source_key");

-- CreateIndex
CREATE INDEX "timeline_entry_incident_id_at_idx" ON "timeline_entry"("incident_id", "at");

-- CreateIndex
CREATE INDEX "timeline_entry_kind_at_idx" ON "timeline_entry"("kind", "at");

-- CreateIndex
CREATE UNIQUE INDEX "instruction_source_key_key" ON "instruction"("source_key");

-- AddForeignKey
ALTER TABLE "incident_report" ADD CONSTRAINT "incident_report_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_entry" ADD CONSTRAINT "timeline_entry_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction" ADD CONSTRAINT "instruction_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instruction_receipt" ADD CONSTRAINT "instruction_receipt_instruction_id_fkey" FOREIGN KEY ("instruction_id") REFERENCES "instruction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
