-- AlterTable
ALTER TABLE "incident_report" ADD COLUMN     "card_sent_at" TIMESTAMP(3);

-- Reports filed before this column existed had their cards sent when they were filed.
UPDATE "incident_report" SET "card_sent_at" = "received_at" WHERE "kind" <> 'first';
