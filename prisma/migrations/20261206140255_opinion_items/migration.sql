-- CreateTable
CREATE TABLE "opinion_item" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "link" TEXT,
    "content" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "found_at" TIMESTAMP(3) NOT NULL,
    "reads" INTEGER,
    "reposts" INTEGER,
    "comments" INTEGER,
    "level_id" TEXT NOT NULL,
    "registered_by" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "registered_at" TIMESTAMP(3) NOT NULL,
    "verify_due_at" TIMESTAMP(3) NOT NULL,
    "respond_due_at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "alerted_at" TIMESTAMP(3),
    "signed_at" TIMESTAMP(3),
    "signed_by" TEXT,
    "verified_at" TIMESTAMP(3),
    "verified_by" TEXT,
    "verification" TEXT,
    "draft" TEXT,
    "draft_at" TIMESTAMP(3),
    "draft_by" TEXT,
    "revision_note" TEXT,
    "approved_text" TEXT,
    "approved_at" TIMESTAMP(3),
    "approved_by" TEXT,
    "responded_at" TIMESTAMP(3),
    "responded_by" TEXT,
    "response_note" TEXT,
    "closed_at" TIMESTAMP(3),
    "closed_by" TEXT,
    "verify_notices" INTEGER NOT NULL DEFAULT 0,
    "respond_notices" INTEGER NOT NULL DEFAULT 0,
    "incident_id" INTEGER,

    CONSTRAINT "opinion_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinion_event" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "actor_id" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "opinion_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "opinion_item_number_key" ON "opinion_item"("number");

-- CreateIndex
CREATE UNIQUE INDEX "opinion_item_source_key_key" ON "opinion_item"("source_key");

-- CreateIndex
CREATE INDEX "opinion_item_status_idx" ON "opinion_item"("status");

-- CreateIndex
CREATE INDEX "opinion_item_unit_id_idx" ON "opinion_item"("unit_id");

-- CreateIndex
CREATE INDEX "opinion_item_registered_at_idx" ON "opinion_item"("registered_at");

-- CreateIndex
CREATE INDEX "opinion_event_item_id_at_idx" ON "opinion_event"("item_id", "at");

-- CreateIndex
CREATE INDEX "opinion_event_kind_at_idx" ON "opinion_event"("kind", "at");

-- AddForeignKey
ALTER TABLE "opinion_event" ADD CONSTRAINT "opinion_event_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "opinion_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
