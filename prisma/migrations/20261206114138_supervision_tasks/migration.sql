-- CreateTable
CREATE TABLE "supervision_task" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "assigner_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "incident_id" INTEGER,
    "instruction_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "supervision_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_part" (
    "id" SERIAL NOT NULL,
    "task_id" INTEGER NOT NULL,
    "unit_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "notified_at" TIMESTAMP(3),
    "signed_at" TIMESTAMP(3),
    "signed_by" TEXT,
    "last_progress_at" TIMESTAMP(3),
    "last_progress" TEXT,
    "extension_due_at" TIMESTAMP(3),
    "extension_reason" TEXT,
    "extension_by" TEXT,
    "extension_at" TIMESTAMP(3),
    "extensions" INTEGER NOT NULL DEFAULT 0,
    "close_result" TEXT,
    "close_by" TEXT,
    "close_requested_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "closed_by" TEXT,
    "overdue_at" TIMESTAMP(3),
    "overdue_notices" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "supervision_part_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_event" (
    "id" SERIAL NOT NULL,
    "task_id" INTEGER NOT NULL,
    "unit_id" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "supervision_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_sequence" (
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "item_sequence_pkey" PRIMARY KEY ("kind","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "supervision_task_number_key" ON "supervision_task"("number");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_task_source_key_key" ON "supervision_task"("source_key");

-- CreateIndex
CREATE INDEX "supervision_task_status_idx" ON "supervision_task"("status");

-- CreateIndex
CREATE INDEX "supervision_part_closed_at_due_at_idx" ON "supervision_part"("closed_at", "due_at");

-- CreateIndex
CREATE INDEX "supervision_part_unit_id_idx" ON "supervision_part"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_part_task_id_unit_id_key" ON "supervision_part"("task_id", "unit_id");

-- CreateIndex
CREATE INDEX "supervision_event_task_id_at_idx" ON "supervision_event"("task_id", "at");

-- CreateIndex
CREATE INDEX "supervision_event_kind_at_idx" ON "supervision_event"("kind", "at");

-- AddForeignKey
ALTER TABLE "supervision_part" ADD CONSTRAINT "supervision_part_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "supervision_task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_event" ADD CONSTRAINT "supervision_event_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "supervision_task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
