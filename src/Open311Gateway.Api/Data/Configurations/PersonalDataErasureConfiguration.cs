using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class PersonalDataErasureConfiguration : IEntityTypeConfiguration<PersonalDataErasure>
{
    public void Configure(EntityTypeBuilder<PersonalDataErasure> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(16);
        builder.Property(e => e.JurisdictionId).HasMaxLength(100);
        builder.HasIndex(e => e.ErasedAt);
    }
}
