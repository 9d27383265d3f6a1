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
        builder.Property(u => u.Source).HasMaxLength(16);
        // "jurisdiction:" + an id of up to 100 characters, or "client:" + a number.
        builder.Property(u => u.Sender).HasMaxLength(128);
        builder.Property(u => u.SenderUpdateId).HasMaxLength(200);
        builder.Property(u => u.Status).HasMaxLength(64);
        builder.HasOne(u => u.ServiceRequest).WithMany().HasForeignKey(u => u.ServiceRequestId).OnDelete(DeleteBehavior.Restrict);
    }
}
