using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Open311Gateway.Api.Data.Migrations
{
    /// <summary>
    /// What keeps the API processes' in-memory caches fresh (ADR 22, Caching/): a version per cached kind, bumped by a
    /// statement trigger on every change to the rows behind it, and a NOTIFY on channel open311_cache that PostgreSQL
    /// delivers when the change commits (never for a rolled-back one). Triggers rather than calls in the importer and
    /// the key commands, so that any writer — a CLI, a second replica, an operator's hand-written SQL — is seen.
    /// </summary>
    public partial class FastCaches : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE cache_versions (name text PRIMARY KEY, version bigint NOT NULL);
                INSERT INTO cache_versions VALUES ('catalog', 1), ('api_keys', 1);

                -- TG_ARGV[0]: the kind (CacheChannel.Catalog, CacheChannel.ApiKeys), also the notification's payload.
                CREATE FUNCTION bump_cache_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE cache_versions SET version = version + 1 WHERE name = TG_ARGV[0];
                    PERFORM pg_notify('open311_cache', TG_ARGV[0]);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER jurisdictions_cache_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON jurisdictions
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('catalog');
                CREATE TRIGGER services_cache_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('catalog');
                CREATE TRIGGER api_clients_cache_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_clients
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('api_keys');
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER api_clients_cache_version ON api_clients;
                DROP TRIGGER services_cache_version ON services;
                DROP TRIGGER jurisdictions_cache_version ON jurisdictions;
                DROP FUNCTION bump_cache_version();
                DROP TABLE cache_versions;
                """);
        }
    }
}
