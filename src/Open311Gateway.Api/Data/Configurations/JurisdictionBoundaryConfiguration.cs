using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

/// <summary>The boundary is a column of <c>jurisdictions</c>, mapped as a type of its own (table splitting).</summary>
internal sealed class JurisdictionBoundaryConfiguration : IEntityTypeConfiguration<JurisdictionBoundary>
{
    public void Configure(EntityTypeBuilder<JurisdictionBoundary> builder)
    {
        builder.ToTable("jurisdictions");
        builder.HasKey(b => b.JurisdictionId);
        builder.Property(b => b.JurisdictionId).HasColumnName("id").HasMaxLength(100);
        builder.Property(b => b.Area).HasColumnName("boundary").HasColumnType("geometry (multipolygon, 4326)");
        builder.HasIndex(b => b.Area).HasMethod("gist");
    }
}
