using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Idempotency;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        // Scoped to the client app: two apps may pick the same key without meeting.
        builder.HasKey(r => new { r.ApiClientId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKeyHeader.MaxLength);
        builder.Property(r => r.ResponseContentType).HasMaxLength(100);
        // The hourly prune deletes by expiry.
        builder.HasIndex(r => r.ExpiresAt);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(r => r.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
