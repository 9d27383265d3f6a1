using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.State).HasMaxLength(16);
        builder.Property(d => d.Route).HasNullableJsonbConversion();
        builder.Property(d => d.RouteKey).HasMaxLength(210);
        // A status poll asks about the delivered reports of its route.
        builder.HasIndex(d => new { d.RouteKey, d.State });
        // The scheduler looks for due retries only.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("state = 'retry_wait'");
        // The scheduler also looks for deliveries silent in flight for too long.
        builder.HasIndex(d => new { d.State, d.UpdatedAt });
        builder.HasIndex(d => new { d.JurisdictionId, d.State });
        builder.HasIndex(d => d.ServiceRequestId);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(d => d.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RequestUpdate>().WithMany().HasForeignKey(d => d.RequestUpdateId).OnDelete(DeleteBehavior.Restrict);
    }
}
