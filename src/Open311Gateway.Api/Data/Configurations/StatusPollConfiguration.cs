using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class StatusPollConfiguration : IEntityTypeConfiguration<StatusPoll>
{
    public void Configure(EntityTypeBuilder<StatusPoll> builder)
    {
        builder.HasKey(p => p.RouteKey);
        builder.Property(p => p.RouteKey).HasMaxLength(210);
        builder.Property(p => p.Route).HasRecordJsonbConversion();
        builder.HasIndex(p => p.NextPollAt).HasFilter("is_active");
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(p => p.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
    }
}
