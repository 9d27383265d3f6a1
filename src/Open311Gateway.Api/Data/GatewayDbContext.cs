using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data;

/// <summary>The API host owns the database: catalogue, client apps and requests.</summary>
public class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<JurisdictionBoundary> JurisdictionBoundaries => Set<JurisdictionBoundary>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<CatalogSettings> CatalogSettings => Set<CatalogSettings>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<BackOfficeClient> BackOfficeClients => Set<BackOfficeClient>();
    public DbSet<AdminKey> AdminKeys => Set<AdminKey>();
    public DbSet<RequestUpdate> RequestUpdates => Set<RequestUpdate>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<StatusPoll> StatusPolls => Set<StatusPoll>();
    public DbSet<PublicChange> PublicChanges => Set<PublicChange>();
    public DbSet<PersonalDataErasure> PersonalDataErasures => Set<PersonalDataErasure>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    /// <summary>
    /// ASP.NET Core's data-protection key ring, shared by every API process: a status-page session cookie or antiforgery
    /// token one process issued is read by all (ADR 20).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
        GeographyFunctions.Register(modelBuilder);
    }
}
