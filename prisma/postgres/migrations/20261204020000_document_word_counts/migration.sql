-- CreateTable
CREATE TABLE "DocumentWordCounts" (
    "documentId" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "counts" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentWordCounts_pkey" PRIMARY KEY ("documentId")
);

-- AddForeignKey
ALTER TABLE "DocumentWordCounts" ADD CONSTRAINT "DocumentWordCounts_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

