using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingSearchAndCaseIds : Migration
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

            migrationBuilder.CreateIndex(
                name: "ix_service_requests_search_vector",
                table: "service_requests",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
