using System.Globalization;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>
/// Our id as it stands in Redmine's custom field: <c>&lt;jurisdiction&gt;/&lt;service_request_id&gt;</c>, such as
/// <c>musterstadt.de/4711</c>. The jurisdiction makes it readable for a clerk and unique in a Redmine that serves
/// several municipalities; a poll reads back only its own jurisdiction's ids.
/// </summary>
public static class RedmineOurId
{
    public static string Format(string jurisdictionId, string serviceRequestId) => jurisdictionId + "/" + serviceRequestId;

    /// <summary>The service_request_id in a field value of this jurisdiction; null for anything else.</summary>
    public static string? Parse(string? value, string jurisdictionId)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var slash = value.LastIndexOf('/');
        if (slash <= 0 || !string.Equals(value[..slash].Trim(), jurisdictionId, StringComparison.OrdinalIgnoreCase)) return null;
        var id = value[(slash + 1)..].Trim();
        return id.Length > 0 && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? id : null;
    }
}
