namespace Open311Gateway.Bench.Load;

/// <summary>One report the load sent: when the POST left, when its answer came, and the id it got (null: refused or failed).</summary>
public sealed record PostedReport(DateTimeOffset SentAt, DateTimeOffset AnsweredAt, string? ServiceRequestId);
