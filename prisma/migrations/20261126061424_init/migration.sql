-- CreateTable
CREATE TABLE "dialog_session" (
    "id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "dialog_id" TEXT NOT NULL,
    "step_id" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "history" JSONB NOT NULL,
    "platform" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "last_active_at" TIMESTAMP(3) NOT NULL,
    "reminded_at" TIMESTAMP(3),

    CONSTRAINT "dialog_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "console_message" (
    "id" SERIAL NOT NULL,
    "chat_id" TEXT NOT NULL,
    "sender_id" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "card" JSONB,
    "mentions" JSONB NOT NULL DEFAULT '[]',
    "urgent_to" JSONB NOT NULL DEFAULT '[]',
    "idempotency_key" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "console_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "failed_send" (
    "id" SERIAL NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failed_at" TIMESTAMP(3) NOT NULL,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "failed_send_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_profile" (
    "person_id" TEXT NOT NULL,
    "phone" TEXT,
    "title" TEXT,
    "night_urgent" BOOLEAN NOT NULL,
    "confirmed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_profile_pkey" PRIMARY KEY ("person_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dialog_session_chat_id_person_id_key" ON "dialog_session"("chat_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "console_message_idempotency_key_key" ON "console_message"("idempotency_key");

-- CreateIndex
CREATE INDEX "console_message_chat_id_id_idx" ON "console_message"("chat_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "failed_send_idempotency_key_key" ON "failed_send"("idempotency_key");
