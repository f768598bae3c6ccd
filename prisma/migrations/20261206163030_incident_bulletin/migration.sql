-- CreateTable
CREATE TABLE "incident_bulletin" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "issue" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "incident_bulletin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_bulletin_incident_id_key" ON "incident_bulletin"("incident_id");

-- CreateIndex
CREATE UNIQUE INDEX "incident_bulletin_year_issue_key" ON "incident_bulletin"("year", "issue");

-- AddForeignKey
ALTER TABLE "incident_bulletin" ADD CONSTRAINT "incident_bulletin_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
