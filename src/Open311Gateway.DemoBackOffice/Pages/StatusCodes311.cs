namespace Open311Gateway.DemoBackOffice.Pages;

/// <summary>The extended statuses a back office may set (georeport-v2.md, FixMyStreet's list).</summary>
public static class StatusCodes311
{
    public static readonly IReadOnlyList<string> All =
    [
        "OPEN", "IN_PROGRESS", "ACTION_SCHEDULED", "INVESTIGATING", "INTERNAL_REFERRAL", "FOR_TRIAGE",
        "FIXED", "CLOSED", "DUPLICATE", "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "CANCELLED",
    ];
}
