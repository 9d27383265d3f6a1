using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// <see cref="GatewayApp"/> whose Teststadt also offers services with duplicate hints (50 m, 30 days) and private
/// services (ADR 15), as a catalogue with <c>duplicate_hint:</c> and <c>private: true</c> would.
/// </summary>
public sealed class PracticeApp : GatewayApp
{
    /// <summary>Realtime, with a service notice of its own and duplicate hints.</summary>
    public const string Streetlight = "LATERNE";
    /// <summary>Realtime, no service notice, duplicate hints.</summary>
    public const string Drain = "GULLY";
    /// <summary>Realtime and private, with duplicate hints (which must never name a private report).</summary>
    public const string Vandalism = "VANDALISMUS";
    /// <summary>Batch and private: its token must not resolve.</summary>
    public const string PrivateWaste = "PRIVAT_MUELL";
    /// <summary>Blackbox, with duplicate hints (which must never name a blackbox report).</summary>
    public const string Tip = "TIPP";

    public const string StreetlightNotice = "Danke, wir kümmern uns darum.";

    protected override async Task SeedMoreAsync(GatewayDbContext db)
    {
        var teststadt = await db.Jurisdictions.Include(j => j.Services).SingleAsync(j => j.Id == TestCatalog.Jurisdiction);
        teststadt.Services.AddRange(
        [
            Hinted(new Service { JurisdictionId = teststadt.Id, Code = Streetlight, Name = "Laterne defekt", Type = "realtime", ServiceNotice = StreetlightNotice }),
            Hinted(new Service { JurisdictionId = teststadt.Id, Code = Drain, Name = "Gully verstopft", Type = "realtime" }),
            Hinted(new Service { JurisdictionId = teststadt.Id, Code = Vandalism, Name = "Vandalismus", Type = "realtime", IsPrivate = true }),
            new Service { JurisdictionId = teststadt.Id, Code = PrivateWaste, Name = "Müll auf Privatgrund", Type = "batch", IsPrivate = true },
            Hinted(new Service { JurisdictionId = teststadt.Id, Code = Tip, Name = "Tipp", Type = "blackbox" }),
        ]);
        await db.SaveChangesAsync();
    }

    private static Service Hinted(Service service)
    {
        service.DuplicateRadiusMetres = 50;
        service.DuplicateDays = 30;
        return service;
    }
}
