using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Boundaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "easting",
                table: "service_requests",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "northing",
                table: "service_requests",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "projected_srid",
                table: "service_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<MultiPolygon>(
                name: "boundary",
                table: "jurisdictions",
                type: "geometry (multipolygon, 4326)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "projected_srid",
                table: "jurisdictions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_jurisdictions_boundary",
                table: "jurisdictions",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_jurisdictions_boundary",
                table: "jurisdictions");

            migrationBuilder.DropColumn(
                name: "easting",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "northing",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "projected_srid",
                table: "service_requests");

            migrationBuilder.DropColumn(
                name: "boundary",
                table: "jurisdictions");

            migrationBuilder.DropColumn(
                name: "projected_srid",
                table: "jurisdictions");
        }
    }
}
