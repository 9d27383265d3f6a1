namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// One change of a report's public face, at the gateway's time (<see cref="ServiceRequest.PublicChangedAt"/>).
/// Written by a database trigger on every insert and every new <c>public_changed_at</c>, so no writer can forget it;
/// read only by paged syncs, to keep a report that changed during a client's run at the place it had (ADR 12).
/// </summary>
public class PublicChange
{
    public long ServiceRequestId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
