using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.Property(j => j.DeliverySettings).HasJsonbConversion();
        builder.Property(j => j.DeliveryStatuses).HasJsonbConversion();
        builder.Property(j => j.OpenData).HasNullableJsonbConversion();
        builder.Property(j => j.Id).HasMaxLength(100);
        builder.Property(j => j.Name).HasMaxLength(200);
        builder.Property(j => j.TimeZone).HasMaxLength(64);
        // The boundary shares this table (and its id column) but is a type of its own, so it is read only when included.
        builder.HasOne(j => j.Boundary).WithOne().HasForeignKey<JurisdictionBoundary>(b => b.JurisdictionId);
        // Never cascade: requests point at services, and the importer deactivates rather than deletes.
        builder.HasMany(j => j.Services).WithOne(s => s.Jurisdiction).HasForeignKey(s => s.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
    }
}
