namespace Open311Gateway.DemoBackOffice.Gateway;

/// <summary>A status this back office sent to the gateway, and what the gateway answered.</summary>
public sealed record StatusSent(
    string ServiceRequestId, string UpdateId, string Status, DateTimeOffset SentAt, int? AnswerStatus, string Answer);
