using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// Our reference, written as the last line of the description we send upstream: <c>[Ref: gw-&lt;jurisdiction&gt;-&lt;our id&gt;-&lt;check&gt;]</c>,
/// for example <c>[Ref: gw-teststadt.de-4711-9f3c2a1b]</c>. GeoReport v2 has no idempotency key; before a repeat the
/// adapter looks for this marker in the upstream's list, so a crash does not leave a second request there.
/// </summary>
/// <remarks>
/// The check is the last eight hex digits of the delivery id, which are random (UUIDv7) and never published: report ids
/// are sequential, and a marker made of them alone could be planted upstream ahead of time by anyone who can file
/// reports there, so that our report would be taken for delivered and linked to theirs.
/// </remarks>
public static class Open311Marker
{
    /// <summary>GeoReport v2's limit on a description.</summary>
    public const int MaxDescriptionLength = 4000;

    private const string Separator = "\n\n";

    public static string For(ServiceRequestSubmitted message) =>
        $"{PrefixFor(message.JurisdictionId)}{message.ServiceRequestId}-{message.DeliveryId.ToString("N")[^8..]}]";

    /// <summary>What every marker of the jurisdiction begins with: tells our reports from others' in an upstream's list.</summary>
    public static string PrefixFor(string jurisdictionId) => $"[Ref: gw-{jurisdictionId}-";

    /// <summary>The citizen's description with the marker as its last line, shortened so both fit the standard's limit.</summary>
    public static string Describe(string? description, string marker)
    {
        if (string.IsNullOrWhiteSpace(description)) return marker;
        var room = MaxDescriptionLength - Separator.Length - marker.Length;
        var text = description.TrimEnd();
        if (text.Length > room)
        {
            var cut = room - 1;
            if (char.IsHighSurrogate(text[cut - 1])) cut--; // never half an emoji
            text = text[..cut].TrimEnd() + "…";
        }
        return text + Separator + marker;
    }
}
