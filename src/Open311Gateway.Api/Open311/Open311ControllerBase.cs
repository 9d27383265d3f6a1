using Microsoft.AspNetCore.Mvc;

namespace Open311Gateway.Api.Open311;

/// <summary>
/// Base of every GeoReport v2 controller: its routes get the configured base path
/// (<see cref="Open311RoutePrefixConvention"/>) and its answers the format of the route's suffix.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public abstract class Open311ControllerBase : ControllerBase
{
    /// <summary>The format the route's suffix asked for; checked before any action runs.</summary>
    protected Open311Format Format => (Open311Format)HttpContext.Items[typeof(Open311Format)]!;

    protected Open311Result Answer(Open311Document document) => new(document, Format);

    protected Open311Result Error(int statusCode, params IEnumerable<string> descriptions) =>
        new(Open311Document.Errors(Capped(descriptions).Select(d => new Open311Error(statusCode, d))), Format, statusCode);

    /// <summary>The most problems one answer lists: a body of 15,000 bad fields must not come back as megabytes.</summary>
    public const int MaxErrors = 20;

    private static IEnumerable<string> Capped(IEnumerable<string> descriptions)
    {
        var all = descriptions.ToList();
        return all.Count <= MaxErrors ? all : all.Take(MaxErrors).Append($"… and {all.Count - MaxErrors} more problems.");
    }
}
