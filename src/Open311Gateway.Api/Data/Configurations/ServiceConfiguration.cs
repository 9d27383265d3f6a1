using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.Property(s => s.DeliverySettings).HasJsonbConversion();
        builder.Property(s => s.DeliveryStatuses).HasJsonbConversion();
        builder.Property(s => s.ExternalAttributes).HasJsonbConversion();
        builder.HasIndex(s => new { s.JurisdictionId, s.Code }).IsUnique();
        builder.Property(s => s.Code).HasMaxLength(100);
        builder.Property(s => s.Type).HasMaxLength(16);
        builder.Property(s => s.Attributes).HasJsonbConversion();
    }
}
