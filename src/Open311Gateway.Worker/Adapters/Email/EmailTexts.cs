namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>
/// The words of the mails in one language. The templates are code: German (<see cref="German"/>, the default) and
/// English (<see cref="English"/>), chosen by the catalogue's <c>language</c> setting of the route.
/// </summary>
public sealed partial record EmailTexts
{
    public required string Language { get; init; }
    /// <summary>Formats a time in the jurisdiction's zone: the local time with the language's conventions.</summary>
    public required string DateTimeFormat { get; init; }

    /// <summary>{0} = service name, {1} = our report id.</summary>
    public required string Subject { get; init; }
    public required string ReplyPrefix { get; init; }
    /// <summary>{0} = our report id, {1} = service name.</summary>
    public required string ReportTitle { get; init; }
    /// <summary>{0} = our report id, {1} = service name.</summary>
    public required string FollowUpTitle { get; init; }

    public required string ReportSection { get; init; }
    public required string Service { get; init; }
    public required string ExternalServiceCode { get; init; }
    public required string RequestedAt { get; init; }
    public required string Description { get; init; }
    public required string NoDescription { get; init; }

    public required string LocationSection { get; init; }
    public required string Address { get; init; }
    public required string AddressId { get; init; }
    public required string Coordinates { get; init; }
    /// <summary>Label of easting and northing in the jurisdiction's projected CRS; {0} is its name (EPSG:25832).</summary>
    public required string GridCoordinates { get; init; }
    public required string Map { get; init; }

    public required string AttributesSection { get; init; }
    public required string MediaSection { get; init; }
    /// <summary>{0} = the photo's number.</summary>
    public required string MediaItem { get; init; }

    public required string ContactSection { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string NoContact { get; init; }

    public required string StatusLinksSection { get; init; }
    /// <summary>{0} = when the links expire.</summary>
    public required string StatusLinksHint { get; init; }
    public required string NoStatusLinks { get; init; }

    public required string FollowUpSection { get; init; }
    public required string RequestedStatus { get; init; }
    public required string SubmittedAt { get; init; }
    public required string Photo { get; init; }
    public required string FollowUpStatusHint { get; init; }

    public required string TechnicalSection { get; init; }
    public required string ReportId { get; init; }
    public required string Token { get; init; }
    public required string Jurisdiction { get; init; }
    public required string DeviceId { get; init; }
    public required string AccountId { get; init; }
    public required string UpdateId { get; init; }
    public required string ExternalCaseId { get; init; }

    public required string Footer { get; init; }
    /// <summary>Names of the statuses a citizen's follow-up may ask for; others are shown by their code.</summary>
    public required IReadOnlyDictionary<string, string> StatusLabels { get; init; }

    public static EmailTexts For(string? language) => language == "en" ? English : German;

    public string StatusName(string status) =>
        StatusLabels.TryGetValue(status.ToUpperInvariant(), out var label) ? $"{label} ({status})" : status;
}
