using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class CatalogSettingsConfiguration : IEntityTypeConfiguration<CatalogSettings>
{
    public void Configure(EntityTypeBuilder<CatalogSettings> builder)
    {
        builder.ToTable("catalog_settings", table => table.HasCheckConstraint("ck_catalog_settings_single_row", $"id = {CatalogSettings.SingleId}"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.OpenData).HasNullableJsonbConversion();
    }
}
