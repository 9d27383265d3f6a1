using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingSearchAndChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "service_requests",
                type: "tsvector",
                nullable: true)
                .Annotation("Npgsql:TsVectorConfig", "german")
                .Annotation("Npgsql:TsVectorProperties", new[] { "description", "address_string" });

            migrationBuilder.AddColumn<bool>(
                name: "public_case_id",
                table: "jurisdictions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "public_changes",
                columns: table => new
                {
                    service_request_id = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_changes", x => new { x.service_request_id, x.changed_at });
                    table.ForeignKey(
                        name: "fk_public_changes_service_requests_service_request_id",
                        column: x => x.service_request_id,
                        principalTable: "service_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_search_vector",
                table: "service_requests",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Every public change is logged by the database itself, so no writer (intake, status, moderation, erasure,
            // photos …) can forget it; paged syncs read it (ADR 12). Reports stored before: their current change time.
            migrationBuilder.Sql("""
                CREATE FUNCTION log_public_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO public_changes (service_request_id, changed_at) VALUES (NEW.id, NEW.public_changed_at)
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER service_requests_public_change_inserted AFTER INSERT ON service_requests
                    FOR EACH ROW EXECUTE FUNCTION log_public_change();
                CREATE TRIGGER service_requests_public_change_updated AFTER UPDATE OF public_changed_at ON service_requests
                    FOR EACH ROW WHEN (NEW.public_changed_at IS DISTINCT FROM OLD.public_changed_at) EXECUTE FUNCTION log_public_change();
                INSERT INTO public_changes (service_request_id, changed_at) SELECT id, public_changed_at FROM service_requests;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER service_requests_public_change_updated ON service_requests;
                DROP TRIGGER service_requests_public_change_inserted ON service_requests;
                DROP FUNCTION log_public_change();
                """);

            migrationBuilder.DropTable(
                name: "public_changes");

            migrationBuilder.DropIndex(
                name: "ix_service_requests_search_vector",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "public_case_id",
                table: "jurisdictions");
        }
    }
}
