-- AlterTable
ALTER TABLE "console_message" ADD COLUMN     "files" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "incident_attachment" (
    "id" SERIAL NOT NULL,
    "source_key" TEXT NOT NULL,
    "incident_id" INTEGER,
    "report_id" INTEGER,
    "session_id" TEXT,
    "person_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mime_type" TEXT,
    "size" INTEGER NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "file_key" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "address" TEXT,
    "forwarded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "incident_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_attachment_source_key_key" ON "incident_attachment"("source_key");

-- CreateIndex
CREATE INDEX "incident_attachment_incident_id_idx" ON "incident_attachment"("incident_id");

-- CreateIndex
CREATE INDEX "incident_attachment_session_id_idx" ON "incident_attachment"("session_id");
