using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class AdminKeyConfiguration : IEntityTypeConfiguration<AdminKey>
{
    public void Configure(EntityTypeBuilder<AdminKey> builder)
    {
        builder.HasIndex(k => k.KeyId).IsUnique();
        builder.Property(k => k.KeyId).HasMaxLength(32);
        builder.Property(k => k.Name).HasMaxLength(200);
    }
}
