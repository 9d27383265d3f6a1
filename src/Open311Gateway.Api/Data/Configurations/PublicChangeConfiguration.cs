using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class PublicChangeConfiguration : IEntityTypeConfiguration<PublicChange>
{
    public void Configure(EntityTypeBuilder<PublicChange> builder)
    {
        // Also the index that finds a report's latest change up to a time.
        builder.HasKey(c => new { c.ServiceRequestId, c.ChangedAt });
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(c => c.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
