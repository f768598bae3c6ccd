-- AlterTable
ALTER TABLE "instruction" ADD COLUMN     "relayed_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "daily_job_run" (
    "job" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "ran_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "daily_job_run_pkey" PRIMARY KEY ("job","day")
);

-- Instructions filed before this column existed were relayed when they were filed.
UPDATE "instruction" SET "relayed_at" = "created_at";
