-- CreateTable
CREATE TABLE "digest_run" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "chats" JSONB NOT NULL DEFAULT '[]',
    "window_from" TIMESTAMP(3) NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "digest_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "digest_run_key_key" ON "digest_run"("key");

-- CreateIndex
CREATE INDEX "digest_run_sent_at_idx" ON "digest_run"("sent_at");
