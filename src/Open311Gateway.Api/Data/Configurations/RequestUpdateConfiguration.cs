using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class RequestUpdateConfiguration : IEntityTypeConfiguration<RequestUpdate>
{
    public void Configure(EntityTypeBuilder<RequestUpdate> builder)
    {
        // A resent update (the sender lost our answer) must find the original, never make a second.
        builder.HasIndex(u => new { u.Source, u.Sender, u.SenderUpdateId }).IsUnique();
        builder.HasIndex(u => new { u.Source, u.UpdatedAt });
        // The retention job looks for follow-ups that still hold personal data; erased ones leave this index.
        builder.HasIndex(u => u.ServiceRequestId);
        builder.HasIndex(u => u.ServiceRequestId, "ix_request_updates_with_personal_data")
            .HasFilter(PersonalColumns.AnyOfUpdate()).HasDatabaseName("ix_request_updates_with_personal_data");
        builder.Property(u => u.Source).HasMaxLength(16);
        // "jurisdiction:" + an id of up to 100 characters, or "client:" + a number.
        builder.Property(u => u.Sender).HasMaxLength(128);
        builder.Property(u => u.SenderUpdateId).HasMaxLength(200);
        builder.Property(u => u.Status).HasMaxLength(64);
        builder.HasOne(u => u.ServiceRequest).WithMany().HasForeignKey(u => u.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}
