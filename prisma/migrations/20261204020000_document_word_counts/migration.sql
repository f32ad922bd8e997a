-- CreateTable
CREATE TABLE "DocumentWordCounts" (
    "documentId" TEXT NOT NULL PRIMARY KEY,
    "units" INTEGER NOT NULL,
    "counts" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentWordCounts_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

