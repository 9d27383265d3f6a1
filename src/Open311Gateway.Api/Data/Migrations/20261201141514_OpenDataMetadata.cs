using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenDataMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "open_data",
                table: "jurisdictions",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "open_data_issued_at",
                table: "jurisdictions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "catalog_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    open_data = table.Column<string>(type: "jsonb", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_settings", x => x.id);
                    table.CheckConstraint("ck_catalog_settings_single_row", "id = 1");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_settings");

            migrationBuilder.DropColumn(
                name: "open_data",
                table: "jurisdictions");

            migrationBuilder.DropColumn(
                name: "open_data_issued_at",
                table: "jurisdictions");
        }
    }
}
