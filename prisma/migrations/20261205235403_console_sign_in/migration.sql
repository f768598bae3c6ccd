-- CreateTable
CREATE TABLE "console_session" (
    "sid" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "console_session_pkey" PRIMARY KEY ("sid")
);

-- CreateTable
CREATE TABLE "console_sign_in_token" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "console_sign_in_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "console_sign_in" (
    "id" SERIAL NOT NULL,
    "person_id" TEXT,
    "method" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "console_sign_in_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_secret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_secret_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "console_session_expires_at_idx" ON "console_session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "console_sign_in_token_hash_key" ON "console_sign_in_token"("hash");

-- CreateIndex
CREATE INDEX "console_sign_in_token_person_id_kind_created_at_idx" ON "console_sign_in_token"("person_id", "kind", "created_at");

-- CreateIndex
CREATE INDEX "console_sign_in_at_idx" ON "console_sign_in"("at");

-- CreateIndex
CREATE INDEX "console_sign_in_person_id_at_idx" ON "console_sign_in"("person_id", "at");
