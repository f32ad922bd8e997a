-- CreateTable
CREATE TABLE "ProjectStopWord" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "word" TEXT NOT NULL,
    "removed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectStopWord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProjectStopWord_projectId_word_key" ON "ProjectStopWord"("projectId", "word");

-- AddForeignKey
ALTER TABLE "ProjectStopWord" ADD CONSTRAINT "ProjectStopWord_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

