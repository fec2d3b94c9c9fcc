CREATE TABLE IF NOT EXISTS "__presence_approvals_migrations" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___presence_approvals_migrations" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "presence_approval_audit" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_presence_approval_audit" PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "request_id" TEXT NULL,
    "actor" TEXT NULL,
    "fingerprint" TEXT NULL,
    "channel" TEXT NULL,
    "gate" TEXT NULL,
    "reviewers" TEXT NOT NULL,
    "outcome" TEXT NULL,
    "detail" TEXT NULL
);

CREATE TABLE "presence_approval_requests" (
    "id" TEXT NOT NULL CONSTRAINT "PK_presence_approval_requests" PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "channel" TEXT NULL,
    "summary" TEXT NULL,
    "content" TEXT NULL,
    "content_type" TEXT NULL,
    "submitted_at" TEXT NOT NULL,
    "due_at" TEXT NULL,
    "status" INTEGER NOT NULL,
    "decisions" TEXT NOT NULL,
    "approved_at" TEXT NULL,
    "expires_at" TEXT NOT NULL,
    "redeemed_at" TEXT NULL,
    "version" INTEGER NOT NULL,
    "supersedes" TEXT NULL,
    "notify_to" TEXT NULL,
    "publish_outcome" INTEGER NOT NULL,
    "publish_outcome_at" TEXT NULL,
    "publish_outcome_detail" TEXT NULL,
    "seal" TEXT NOT NULL
);

CREATE TABLE "presence_publishing_holds" (
    "number" INTEGER NOT NULL CONSTRAINT "PK_presence_publishing_holds" PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "engaged_by" TEXT NOT NULL,
    "since" TEXT NOT NULL,
    "released_by" TEXT NULL,
    "until" TEXT NULL
);

CREATE INDEX "ix_presence_approval_audit_at" ON "presence_approval_audit" ("at");

CREATE INDEX "ix_presence_approval_audit_request" ON "presence_approval_audit" ("request_id");

CREATE INDEX "ix_presence_approval_requests_status_submitted" ON "presence_approval_requests" ("status", "submitted_at");

CREATE INDEX "ix_presence_approval_requests_supersedes" ON "presence_approval_requests" ("supersedes");

INSERT INTO "__presence_approvals_migrations" ("MigrationId", "ProductVersion")
VALUES ('20261130054426_InitialSchema', '10.0.15');

COMMIT;

