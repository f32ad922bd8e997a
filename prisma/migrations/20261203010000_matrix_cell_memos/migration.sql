-- AlterTable
ALTER TABLE "Memo" ADD COLUMN "cellKey" TEXT;

-- CreateIndex
CREATE INDEX "Memo_projectId_cellKey_idx" ON "Memo"("projectId", "cellKey");

