using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicChangeTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "public_changed_at",
                table: "service_requests",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Reports stored before this column existed: their last public change is the status time they show.
            migrationBuilder.Sql("UPDATE service_requests SET public_changed_at = updated_at;");

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_public_changed_at_id",
                table: "service_requests",
                columns: new[] { "public_changed_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_service_requests_public_changed_at_id",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "public_changed_at",
                table: "service_requests");
        }
    }
}
