using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class BackOfficeClientConfiguration : IEntityTypeConfiguration<BackOfficeClient>
{
    public void Configure(EntityTypeBuilder<BackOfficeClient> builder)
    {
        builder.HasIndex(c => c.KeyId).IsUnique();
        builder.Property(c => c.KeyId).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(c => c.JurisdictionId).OnDelete(DeleteBehavior.Restrict);
    }
}
