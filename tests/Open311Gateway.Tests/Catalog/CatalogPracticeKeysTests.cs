using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Tests.Catalog;

/// <summary>The catalogue keys of ADR 15: <c>private</c> and <c>duplicate_hint</c> on a service, <c>hold_new_reports</c> on a jurisdiction.</summary>
public class CatalogPracticeKeysTests
{
    private static string Catalogue(string jurisdictionLines = "", string serviceLines = "") => $"""
        jurisdictions:
          - id: klein-dorf.de
            name: Gemeinde Kleindorf
        {jurisdictionLines}
            services:
              - code: LAUB
                name: Laub
        {serviceLines}
        """;

    [Fact]
    public void Without_the_keys_nothing_is_private_held_or_hinted()
    {
        var jurisdiction = CatalogAssert.Valid(Catalogue()).Jurisdictions.Single();
        var service = jurisdiction.Services.Single();
        Assert.False(jurisdiction.HoldNewReports);
        Assert.False(service.Private);
        Assert.Null(service.DuplicateHint);
    }

    [Fact]
    public void The_keys_are_read_as_written()
    {
        var jurisdiction = CatalogAssert.Valid(Catalogue(
            "    hold_new_reports: true",
            "        private: true\n        duplicate_hint:\n          radius_metres: 25\n          days: 14")).Jurisdictions.Single();
        Assert.True(jurisdiction.HoldNewReports);
        Assert.True(jurisdiction.Services.Single().Private);
        Assert.Equal(new CatalogDuplicateHint(25, 14), jurisdiction.Services.Single().DuplicateHint);
    }

    [Fact]
    public void An_empty_duplicate_hint_takes_50_metres_and_30_days()
    {
        var service = CatalogAssert.Valid(Catalogue(serviceLines: "        duplicate_hint: {}")).Jurisdictions.Single().Services.Single();
        Assert.Equal(new CatalogDuplicateHint(50, 30), service.DuplicateHint);
    }

    [Theory]
    [InlineData("radius_metres: 0", "radius_metres 0 is out of range (1 to 1000)")]
    [InlineData("radius_metres: 1001", "radius_metres 1001 is out of range (1 to 1000)")]
    [InlineData("days: 366", "days 366 is out of range (1 to 365)")]
    [InlineData("weeks: 2", "unknown key 'weeks' (allowed here: radius_metres, days)")]
    public void Duplicate_hint_values_out_of_range_or_unknown_are_refused_with_their_line(string line, string message) =>
        CatalogAssert.SingleError(Catalogue(serviceLines: "        duplicate_hint:\n          " + line), 9, null,
            "jurisdictions[0].services[0].duplicate_hint", message);

    [Fact]
    public void A_quoted_private_is_refused_rather_than_guessed() =>
        CatalogAssert.SingleError(Catalogue(serviceLines: "        private: \"true\""), 8, null,
            "jurisdictions[0].services[0].private \"true\" is quoted text; write true or false without quotes");

    [Theory]
    [InlineData("private")]
    [InlineData("Privat")]
    public void A_keyword_private_is_refused_because_keywords_are_public_search_words(string keyword) =>
        CatalogAssert.SingleError(Catalogue(serviceLines: $"        keywords: [Laub, {keyword}]"), 8, null,
            $"jurisdictions[0].services[0].keywords[1] '{keyword}' does not make a service private: write private: true on the service");

    [Fact]
    public void A_misspelt_key_is_refused_so_a_typo_cannot_publish_reports() =>
        CatalogAssert.SingleError(Catalogue(serviceLines: "        privat: true"), 8, null, "unknown key 'privat'");
}
