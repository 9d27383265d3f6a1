using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "service_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "delivery_id",
                table: "outbox_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "personal_data_retention_days",
                table: "jurisdictions",
                type: "integer",
                nullable: true);

            // Existing jurisdictions take the catalogue's default retention (CatalogVocabulary) until they are imported again.
            migrationBuilder.Sql("UPDATE jurisdictions SET personal_data_retention_days = 30;");
            // Closed reports count as closed since the gateway's last change to them: the closest time it has.
            migrationBuilder.Sql("UPDATE service_requests SET closed_at = public_changed_at WHERE status = 'closed';");
            // Link existing delivery messages to their delivery (the payload names it), then drop the payloads of
            // deliveries that have ended: they must not outlive their delivery (ADR 16). Replays rebuild messages from the rows.
            migrationBuilder.Sql("""
                UPDATE outbox_messages SET delivery_id = (payload->>'deliveryId')::uuid
                WHERE message_type IN ('Open311Gateway.Contracts.ServiceRequestSubmitted', 'Open311Gateway.Contracts.CitizenUpdateSubmitted');
                DELETE FROM outbox_messages m USING deliveries d
                WHERE m.delivery_id = d.id AND d.state IN ('delivered', 'rejected', 'failed');
                """);

            migrationBuilder.CreateTable(
                name: "personal_data_erasures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    jurisdiction_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    service_request_ids = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    request_update_ids = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    deliveries = table.Column<int>(type: "integer", nullable: false),
                    outbox_messages = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_data_erasures", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_closed_with_personal_data",
                table: "service_requests",
                column: "closed_at",
                filter: "closed_at IS NOT NULL AND (email IS NOT NULL OR phone IS NOT NULL OR first_name IS NOT NULL OR last_name IS NOT NULL OR device_id IS NOT NULL OR account_id IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "ix_request_updates_with_personal_data",
                table: "request_updates",
                column: "service_request_id",
                filter: "email IS NOT NULL OR first_name IS NOT NULL OR last_name IS NOT NULL OR account_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_delivery_id",
                table: "outbox_messages",
                column: "delivery_id",
                filter: "delivery_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_personal_data_erasures_erased_at",
                table: "personal_data_erasures",
                column: "erased_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personal_data_erasures");

            migrationBuilder.DropIndex(
                name: "ix_service_requests_closed_with_personal_data",
                table: "service_requests");

            migrationBuilder.DropIndex(
                name: "ix_request_updates_with_personal_data",
                table: "request_updates");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_delivery_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "delivery_id",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "personal_data_retention_days",
                table: "jurisdictions");
        }
    }
}
