using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.MessageType).HasMaxLength(200);
        builder.Property(m => m.Destination).HasMaxLength(200);
        // The dispatcher claims unsent, unparked rows in id order; sent ones wait for their delivery to end (then they are
        // deleted, ADR 16), parked ones wait for an operator.
        builder.HasIndex(m => m.Id).HasFilter("sent_at IS NULL AND parked_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        // A delivery's rows are found when it ends (to delete them) and when personal data is erased.
        builder.HasIndex(m => m.DeliveryId).HasFilter("delivery_id IS NOT NULL");
        builder.HasIndex(m => m.ParkedAt).HasFilter("parked_at IS NOT NULL AND sent_at IS NULL").HasDatabaseName("ix_outbox_messages_parked");
    }
}
