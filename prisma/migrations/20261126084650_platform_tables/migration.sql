-- CreateTable
CREATE TABLE "platform_binding" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "bound_by" TEXT,
    "bound_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "platform_binding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sent_message" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "platform_message_id" TEXT NOT NULL,
    "recipients" JSONB NOT NULL DEFAULT '[]',
    "read_by" JSONB NOT NULL DEFAULT '[]',
    "read_checked_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sent_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "platform_binding_platform_kind_org_id_idx" ON "platform_binding"("platform", "kind", "org_id");

-- CreateIndex
CREATE UNIQUE INDEX "platform_binding_platform_kind_external_id_key" ON "platform_binding"("platform", "kind", "external_id");

-- CreateIndex
CREATE INDEX "sent_message_platform_message_id_idx" ON "sent_message"("platform_message_id");

-- CreateIndex
CREATE UNIQUE INDEX "sent_message_platform_idempotency_key_key" ON "sent_message"("platform", "idempotency_key");
