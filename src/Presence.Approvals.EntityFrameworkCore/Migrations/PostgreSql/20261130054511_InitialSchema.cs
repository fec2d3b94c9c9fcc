using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Presence.Approvals.EntityFrameworkCore.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "presence_approval_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    request_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    channel = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    gate = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewers = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_presence_approval_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "presence_approval_requests",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    channel = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    summary = table.Column<string>(type: "text", nullable: true),
                    content = table.Column<string>(type: "text", nullable: true),
                    content_type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    decisions = table.Column<string>(type: "text", nullable: false),
                    approved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    redeemed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    supersedes = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    notify_to = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    publish_outcome = table.Column<int>(type: "integer", nullable: false),
                    publish_outcome_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    publish_outcome_detail = table.Column<string>(type: "text", nullable: true),
                    seal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_presence_approval_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "presence_publishing_holds",
                columns: table => new
                {
                    number = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    engaged_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    released_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_presence_publishing_holds", x => x.number);
                });

            migrationBuilder.CreateIndex(
                name: "ix_presence_approval_audit_at",
                table: "presence_approval_audit",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_presence_approval_audit_request",
                table: "presence_approval_audit",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_presence_approval_requests_status_submitted",
                table: "presence_approval_requests",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_presence_approval_requests_supersedes",
                table: "presence_approval_requests",
                column: "supersedes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "presence_approval_audit");

            migrationBuilder.DropTable(
                name: "presence_approval_requests");

            migrationBuilder.DropTable(
                name: "presence_publishing_holds");
        }
    }
}
