-- CreateTable
CREATE TABLE "Round" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedBy" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedBy" TEXT NOT NULL DEFAULT '',
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundDocument" (
    "roundId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,

    CONSTRAINT "RoundDocument_pkey" PRIMARY KEY ("roundId","documentId")
);

-- CreateTable
CREATE TABLE "RoundCoder" (
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "RoundCoder_pkey" PRIMARY KEY ("roundId","userId")
);

-- CreateIndex
CREATE INDEX "Round_projectId_status_idx" ON "Round"("projectId", "status");

-- CreateIndex
CREATE INDEX "RoundDocument_documentId_idx" ON "RoundDocument"("documentId");

-- CreateIndex
CREATE INDEX "RoundCoder_userId_idx" ON "RoundCoder"("userId");

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundDocument" ADD CONSTRAINT "RoundDocument_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundDocument" ADD CONSTRAINT "RoundDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundCoder" ADD CONSTRAINT "RoundCoder_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundCoder" ADD CONSTRAINT "RoundCoder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

