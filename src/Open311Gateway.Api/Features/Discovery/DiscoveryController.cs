using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Hosts;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Features.Discovery;

/// <summary><c>discovery.{format}</c>: where the endpoint is, what it speaks, whom to ask for a key.</summary>
[Route("discovery")]
public sealed class DiscoveryController(GatewayDbContext db, IOptions<Open311Options> options) : Open311ControllerBase
{
    private const string Specification = "http://wiki.open311.org/GeoReport_v2";

    [HttpGet]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var jurisdictions = await db.Jurisdictions.AsNoTracking().Where(j => j.IsActive).ToListAsync(cancellationToken);
        // The catalogue is what changes an endpoint's behaviour, so its last import is the changeset.
        var changeset = jurisdictions.Count == 0 ? DateTimeOffset.UnixEpoch : jurisdictions.Max(j => j.ImportedAt);
        var formattedChangeset = Open311Time.Format(changeset, TimeZoneInfo.Utc);
        var contact = settings.Contact ?? (jurisdictions.Count == 1 ? jurisdictions[0].Contact : null);
        var keyService = settings.KeyService ?? (jurisdictions.Count == 1 ? jurisdictions[0].KeyService : null);

        var endpoint = new Open311Object()
            .Add("specification", Specification)
            .Add("url", PublicUrls.EndpointOf(settings, Request))
            .Add("changeset", formattedChangeset)
            .Add("type", settings.EndpointType)
            .Add("formats", new Open311List("format", ["text/xml", "application/json"]));
        var discovery = new Open311Object()
            .Add("changeset", formattedChangeset)
            .Add("contact", contact)
            .Add("key_service", keyService)
            .Add("endpoints", new Open311List("endpoint", [endpoint]));
        return Answer(new Open311Document("discovery", discovery));
    }
}
