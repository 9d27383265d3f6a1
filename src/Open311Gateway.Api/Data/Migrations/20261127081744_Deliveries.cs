using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Deliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_services_jurisdictions_jurisdiction_id",
                table: "services");

            migrationBuilder.AddColumn<string>(
                name: "delivery_adapter",
                table: "services",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery_endpoint",
                table: "services",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_code",
                table: "services",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_case_id",
                table: "service_requests",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery_adapter",
                table: "jurisdictions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "delivery_endpoint",
                table: "jurisdictions",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "back_office_clients",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    jurisdiction_id = table.Column<string>(type: "character varying(100)", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_back_office_clients", x => x.id);
                    table.ForeignKey(
                        name: "fk_back_office_clients_jurisdictions_jurisdiction_id",
                        column: x => x.jurisdiction_id,
                        principalTable: "jurisdictions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    send_attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "request_updates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    service_request_id = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    sender = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sender_update_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    media_url = table.Column<string>(type: "text", nullable: true),
                    agency_responsible = table.Column<string>(type: "text", nullable: true),
                    expected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true),
                    first_name = table.Column<string>(type: "text", nullable: true),
                    last_name = table.Column<string>(type: "text", nullable: true),
                    account_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_updates_service_requests_service_request_id",
                        column: x => x.service_request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    service_request_id = table.Column<long>(type: "bigint", nullable: false),
                    request_update_id = table.Column<long>(type: "bigint", nullable: true),
                    jurisdiction_id = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    last_http_status = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_deliveries_request_updates_request_update_id",
                        column: x => x.request_update_id,
                        principalTable: "request_updates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deliveries_service_requests_service_request_id",
                        column: x => x.service_request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_back_office_clients_jurisdiction_id",
                table: "back_office_clients",
                column: "jurisdiction_id");

            migrationBuilder.CreateIndex(
                name: "ix_back_office_clients_key_id",
                table: "back_office_clients",
                column: "key_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_jurisdiction_id_state",
                table: "deliveries",
                columns: new[] { "jurisdiction_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_next_attempt_at",
                table: "deliveries",
                column: "next_attempt_at",
                filter: "state = 'retry_wait'");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_request_update_id",
                table: "deliveries",
                column: "request_update_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_service_request_id",
                table: "deliveries",
                column: "service_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_state_updated_at",
                table: "deliveries",
                columns: new[] { "state", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "id",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_request_updates_service_request_id",
                table: "request_updates",
                column: "service_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_updates_source_sender_sender_update_id",
                table: "request_updates",
                columns: new[] { "source", "sender", "sender_update_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_request_updates_source_updated_at",
                table: "request_updates",
                columns: new[] { "source", "updated_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_services_jurisdictions_jurisdiction_id",
                table: "services",
                column: "jurisdiction_id",
                principalTable: "jurisdictions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_services_jurisdictions_jurisdiction_id",
                table: "services");

            migrationBuilder.DropTable(
                name: "back_office_clients");

            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "request_updates");

            migrationBuilder.DropColumn(
                name: "delivery_adapter",
                table: "services");

            migrationBuilder.DropColumn(
                name: "delivery_endpoint",
                table: "services");

            migrationBuilder.DropColumn(
                name: "external_code",
                table: "services");

            migrationBuilder.DropColumn(
                name: "external_case_id",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "delivery_adapter",
                table: "jurisdictions");

            migrationBuilder.DropColumn(
                name: "delivery_endpoint",
                table: "jurisdictions");

            migrationBuilder.AddForeignKey(
                name: "fk_services_jurisdictions_jurisdiction_id",
                table: "services",
                column: "jurisdiction_id",
                principalTable: "jurisdictions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
