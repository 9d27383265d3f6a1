using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdapterRoutesPollsAndParking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages");

            migrationBuilder.AddColumn<string>(
                name: "delivery_settings",
                table: "services",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "delivery_statuses",
                table: "services",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "external_attributes",
                table: "services",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<int>(
                name: "status_poll_seconds",
                table: "services",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "park_reason",
                table: "outbox_messages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "parked_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "row_failures",
                table: "outbox_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "delivery_settings",
                table: "jurisdictions",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "delivery_statuses",
                table: "jurisdictions",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<int>(
                name: "status_poll_seconds",
                table: "jurisdictions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attempts_at_replay",
                table: "deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "route",
                table: "deliveries",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "route_key",
                table: "deliveries",
                type: "character varying(210)",
                maxLength: 210,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "status_polls",
                columns: table => new
                {
                    route_key = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    jurisdiction_id = table.Column<string>(type: "character varying(100)", nullable: false),
                    route = table.Column<string>(type: "jsonb", nullable: false),
                    interval_seconds = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    next_poll_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cursor = table.Column<string>(type: "text", nullable: true),
                    outstanding_poll_id = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_polls", x => x.route_key);
                    table.ForeignKey(
                        name: "fk_status_polls_jurisdictions_jurisdiction_id",
                        column: x => x.jurisdiction_id,
                        principalTable: "jurisdictions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_parked",
                table: "outbox_messages",
                column: "parked_at",
                filter: "parked_at IS NOT NULL AND sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "id",
                filter: "sent_at IS NULL AND parked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_route_key_state",
                table: "deliveries",
                columns: new[] { "route_key", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_status_polls_jurisdiction_id",
                table: "status_polls",
                column: "jurisdiction_id");

            migrationBuilder.CreateIndex(
                name: "ix_status_polls_next_poll_at",
                table: "status_polls",
                column: "next_poll_at",
                filter: "is_active");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "status_polls");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_parked",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_route_key_state",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "delivery_settings",
                table: "services");

            migrationBuilder.DropColumn(
                name: "delivery_statuses",
                table: "services");

            migrationBuilder.DropColumn(
                name: "external_attributes",
                table: "services");

            migrationBuilder.DropColumn(
                name: "status_poll_seconds",
                table: "services");

            migrationBuilder.DropColumn(
                name: "park_reason",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "parked_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "row_failures",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "delivery_settings",
                table: "jurisdictions");

            migrationBuilder.DropColumn(
                name: "delivery_statuses",
                table: "jurisdictions");

            migrationBuilder.DropColumn(
                name: "status_poll_seconds",
                table: "jurisdictions");

            migrationBuilder.DropColumn(
                name: "attempts_at_replay",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "route",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "route_key",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unsent",
                table: "outbox_messages",
                column: "id",
                filter: "sent_at IS NULL");
        }
    }
}
