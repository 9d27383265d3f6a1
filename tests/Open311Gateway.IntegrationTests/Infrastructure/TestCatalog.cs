using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>A small catalogue written straight into the database, so API tests do not depend on the YAML importer.</summary>
public static class TestCatalog
{
    public const string Jurisdiction = "teststadt.de";
    public const string SecondJurisdiction = "nachbarort.de";

    public static async Task SeedAsync(GatewayDbContext db, bool withSecondJurisdiction = false)
    {
        db.Jurisdictions.Add(new Jurisdiction
        {
            Id = Jurisdiction, Name = "Stadt Teststadt", TimeZone = "Europe/Berlin",
            Contact = "Bürgerbüro Teststadt, buergerbuero@teststadt.example.org", KeyService = "Schlüssel beim Bürgerbüro anfragen",
            ImportedAt = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero),
            Services =
            [
                new Service
                {
                    JurisdictionId = Jurisdiction, Code = "SCHLAGLOCH", Name = "Schlagloch", Type = "realtime",
                    Description = "Schäden an der Fahrbahn", Keywords = "Straße,Loch", Group = "Straße und Verkehr",
                    ServiceNotice = "Wir prüfen Ihre Meldung binnen drei Werktagen.",
                    Attributes =
                    [
                        new AttributeDefinition
                        {
                            Code = "GROESSE", Datatype = "singlevaluelist", Required = true, Order = 1, Description = "Wie groß ist das Schlagloch?",
                            Values = [new AttributeValue { Key = "klein", Name = "Klein (unter 20 cm)" }, new AttributeValue { Key = "groß", Name = "Groß" }],
                        },
                        new AttributeDefinition { Code = "TIEFE_CM", Datatype = "number", Order = 2, Description = "Tiefe in cm" },
                        new AttributeDefinition { Code = "HINWEIS", Datatype = "string", Variable = false, Order = 3, Description = "Bei Gefahr 110 wählen." },
                        new AttributeDefinition { Code = "BEOBACHTET_AM", Datatype = "datetime", Order = 4, Description = "Wann bemerkt?" },
                    ],
                },
                new Service
                {
                    JurisdictionId = Jurisdiction, Code = "WILDER_MUELL", Name = "Wilder Müll", Type = "batch", Group = "Sauberkeit",
                    Attributes =
                    [
                        new AttributeDefinition
                        {
                            Code = "ART", Datatype = "multivaluelist", Order = 1, Description = "Was liegt dort?",
                            Values = [new AttributeValue { Key = "sperrmuell", Name = "Sperrmüll" }, new AttributeValue { Key = "elektro", Name = "Elektrogeräte" }, new AttributeValue { Key = "bauschutt", Name = "Bauschutt" }],
                        },
                    ],
                },
                new Service { JurisdictionId = Jurisdiction, Code = "HINWEIS", Name = "Allgemeiner Hinweis", Type = "blackbox", ServiceNotice = "Danke für Ihren Hinweis." },
                new Service { JurisdictionId = Jurisdiction, Code = "Grün & Park/Bank", Name = "Parkbank beschädigt", Type = "realtime" },
                new Service { JurisdictionId = Jurisdiction, Code = "ALT", Name = "Abgeschaffter Dienst", Type = "realtime", IsActive = false },
            ],
        });
        if (withSecondJurisdiction)
        {
            db.Jurisdictions.Add(new Jurisdiction
            {
                Id = SecondJurisdiction, Name = "Gemeinde Nachbarort", TimeZone = "Europe/Berlin", ImportedAt = DateTimeOffset.UtcNow,
                Services = [new Service { JurisdictionId = SecondJurisdiction, Code = "SCHLAGLOCH", Name = "Schlagloch (Nachbarort)", Type = "realtime" }],
            });
        }
        await db.SaveChangesAsync();
    }
}
