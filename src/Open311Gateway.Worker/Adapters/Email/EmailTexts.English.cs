namespace Open311Gateway.Worker.Adapters.Email;

public sealed partial record EmailTexts
{
    public static EmailTexts English { get; } = new()
    {
        Language = "en",
        DateTimeFormat = "yyyy-MM-dd HH:mm",
        Subject = "[Issue report] {0} – report {1}",
        ReplyPrefix = "Re: ",
        ReportTitle = "New report {0}: {1}",
        FollowUpTitle = "Follow-up on report {0}: {1}",
        ReportSection = "Report",
        Service = "Category",
        ExternalServiceCode = "Category in your case system",
        RequestedAt = "Reported at",
        Description = "Description",
        NoDescription = "(no description)",
        LocationSection = "Location",
        Address = "Address",
        AddressId = "Address id",
        Coordinates = "Coordinates (latitude, longitude)",
        Map = "Map",
        AttributesSection = "Details",
        MediaSection = "Photos (links; not fetched, open them only if you trust the source)",
        MediaItem = "Photo {0}",
        ContactSection = "Reporter's contact (confidential, do not publish)",
        Name = "Name",
        Email = "E-mail",
        Phone = "Phone",
        NoContact = "The reporter left no contact details.",
        StatusLinksSection = "Report the status back (no log-in needed)",
        StatusLinksHint = "Each link opens a page of the portal where you confirm the status and may add a public note; " +
            "nothing changes before you confirm. The links work for this report only and until {0}.",
        NoStatusLinks = "This message carries no status links. Please report the status through your case system.",
        FollowUpSection = "Follow-up",
        RequestedStatus = "Status asked for",
        SubmittedAt = "Submitted at",
        Photo = "Photo",
        FollowUpStatusHint = "Set the status with the links in the original report's mail.",
        TechnicalSection = "Technical details",
        ReportId = "Report number",
        Token = "Token",
        Jurisdiction = "Jurisdiction (jurisdiction_id)",
        DeviceId = "Device id",
        AccountId = "Account id",
        UpdateId = "Follow-up number",
        ExternalCaseId = "Case in your case system",
        Footer = "Sent automatically by the Open311 portal. Replies to this mail reach the portal's operator, not the reporter.",
        StatusLabels = new Dictionary<string, string>
        {
            ["OPEN"] = "Open",
            ["REOPEN"] = "Reopen",
            ["CLOSED"] = "Closed",
            ["IN_PROGRESS"] = "In progress",
            ["FIXED"] = "Fixed",
        },
    };
}
