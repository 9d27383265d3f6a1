using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.Property(r => r.Location).HasColumnType("geography (point, 4326)");
        builder.HasIndex(r => r.Location).HasMethod("gist");
        // The public list is read newest first within a date window, per jurisdiction.
        builder.HasIndex(r => new { r.JurisdictionId, r.RequestedAt });
        // Incremental syncs page through (public_changed_at, id) in ascending order.
        builder.HasIndex(r => new { r.PublicChangedAt, r.Id });
        builder.HasIndex(r => r.Token).IsUnique();
        // q: German stemming, so "Laternen" finds "Laterne". Generated, so every writer (erasure too) keeps it right.
        builder.HasGeneratedTsVectorColumn(r => r.SearchVector!, "german", r => new { r.Description, r.AddressString })
            .HasIndex(r => r.SearchVector).HasMethod("gin");
        // The retention job looks for closed reports that still hold personal data; erased ones leave this index.
        builder.HasIndex(r => r.ClosedAt, "ix_service_requests_closed_with_personal_data")
            .HasFilter("closed_at IS NOT NULL AND (" + PersonalColumns.AnyOfReport() + ")").HasDatabaseName("ix_service_requests_closed_with_personal_data");
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.ExtendedStatus).HasMaxLength(64);
        // Rows older than moderation were all public: the column's default says so for them.
        builder.Property(r => r.Moderation).HasMaxLength(16).HasDefaultValue(ModerationStates.Published);
        builder.Property(r => r.Attributes).HasJsonbConversion();
        builder.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(r => r.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(r => r.ApiClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
