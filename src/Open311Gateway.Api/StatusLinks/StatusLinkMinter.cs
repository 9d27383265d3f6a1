using System.Globalization;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.StatusLinks;

/// <summary>The links a clerk's message carries for one report: one per status a clerk commonly sets.</summary>
public sealed class StatusLinkMinter(StatusLinkSigner signer, IOptionsMonitor<StatusLinkOptions> options, ILogger<StatusLinkMinter> logger)
{
    private int _warned;

    /// <summary>The statuses offered, in the order the message lists them.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["IN_PROGRESS", "FIXED", "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION"];

    /// <summary>Links for the report, or null (and, once per process, a warning) when status links are not configured.</summary>
    public IReadOnlyList<StatusLink>? LinksFor(ServiceRequest request, DeliveryRoute route)
    {
        var settings = options.CurrentValue;
        if (!signer.CanSign || string.IsNullOrWhiteSpace(settings.BaseUrl))
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
                logger.LogWarning("Report {Id} goes to a back office that reads messages, but StatusLinks:BaseUrl or StatusLinks:Keys is not set: its message carries no status links (nor will later ones')", request.Id);
            return null;
        }
        // Counted from the report, not from the attempt: every attempt's message carries the same links.
        var expiresAt = request.RequestedAt + TimeSpan.FromDays(settings.ValidityDays);
        var texts = StatusLinkTexts.For(route.Settings?.GetValueOrDefault("language"));
        var language = texts == StatusLinkTexts.English ? "?lang=en" : "";
        var baseUrl = settings.BaseUrl.TrimEnd('/');
        return Statuses.Select(status => new StatusLink
        {
            Status = status,
            Label = texts.LabelOf(status),
            ExpiresAt = expiresAt,
            Url = string.Create(CultureInfo.InvariantCulture,
                $"{baseUrl}{StatusLinkPaths.Prefix}/{request.Id}/{signer.Sign(request.Id, status, expiresAt)}{language}"),
        }).ToList();
    }
}
