-- CreateTable
CREATE TABLE "DocumentVariable" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "labelZh" TEXT NOT NULL DEFAULT '',
    "labelEn" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "categories" TEXT NOT NULL DEFAULT '[]',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentVariable_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentVariableValue" (
    "variableId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("variableId", "documentId"),
    CONSTRAINT "DocumentVariableValue_variableId_fkey" FOREIGN KEY ("variableId") REFERENCES "DocumentVariable" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DocumentVariableValue_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVariable_projectId_name_key" ON "DocumentVariable"("projectId", "name");

-- CreateIndex
CREATE INDEX "DocumentVariableValue_documentId_idx" ON "DocumentVariableValue"("documentId");

-- CreateIndex
CREATE INDEX "DocumentVariableValue_variableId_value_idx" ON "DocumentVariableValue"("variableId", "value");

