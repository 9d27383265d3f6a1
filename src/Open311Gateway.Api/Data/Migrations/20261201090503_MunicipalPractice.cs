using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MunicipalPractice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "duplicate_days",
                table: "services",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duplicate_radius_metres",
                table: "services",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_private",
                table: "services",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_private",
                table: "service_requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "moderation",
                table: "service_requests",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "published");

            migrationBuilder.AddColumn<bool>(
                name: "hold_new_reports",
                table: "jurisdictions",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "duplicate_days",
                table: "services");

            migrationBuilder.DropColumn(
                name: "duplicate_radius_metres",
                table: "services");

            migrationBuilder.DropColumn(
                name: "is_private",
                table: "services");

            migrationBuilder.DropColumn(
                name: "is_private",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "moderation",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "hold_new_reports",
                table: "jurisdictions");
        }
    }
}
