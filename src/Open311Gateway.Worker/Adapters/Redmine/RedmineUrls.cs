using System.Globalization;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>The REST API's addresses, relative to the Redmine base URL.</summary>
public static class RedmineUrls
{
    public const int PageSize = 100;

    public const string Issues = "issues.json";
    public const string Statuses = "issue_statuses.json";

    public static string Issue(int id) => $"issues/{id.ToString(CultureInfo.InvariantCulture)}.json";

    public static string IssueWithJournals(int id) => Issue(id) + "?include=journals";

    /// <summary>
    /// The project's issues (its subprojects' too) whose our-id field equals <paramref name="ourId"/>, closed ones
    /// included. Written as Redmine's full filter syntax (<c>f[]</c>, <c>op[]</c>, <c>v[]</c>) rather than
    /// <c>cf_N=value</c>: in the short form a value's first characters can read as an operator (<c>!</c>, <c>~</c>, <c>^</c> …).
    /// </summary>
    public static string IssuesWithOurId(string project, int ourIdField, string ourId)
    {
        var field = "cf_" + ourIdField.ToString(CultureInfo.InvariantCulture);
        return Query(Issues,
            ("project_id", project),
            ("f[]", "status_id"), ("op[status_id]", "*"),
            ("f[]", field), ($"op[{field}]", "="), ($"v[{field}][]", ourId),
            ("sort", "id"), ("limit", "25"));
    }

    /// <summary>
    /// The project's issues (closed ones too) updated at or after <paramref name="since"/>, oldest change first. Redmine
    /// compares to the second and reaches one second further back, so the first ones may have been read before.
    /// </summary>
    public static string IssuesUpdatedSince(string project, DateTimeOffset since, int offset) =>
        Query(Issues,
            ("project_id", project),
            ("status_id", "*"),
            ("updated_on", ">=" + Timestamp(since)),
            ("sort", "updated_on,id"),
            ("limit", PageSize.ToString(CultureInfo.InvariantCulture)),
            ("offset", offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>UTC to the second, as Redmine's filters take it and as the adapter keeps its cursor.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Query(string path, params (string Name, string Value)[] parameters) =>
        path + "?" + string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
}
