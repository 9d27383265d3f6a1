using System.Text.Json.Nodes;
using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.OpenData.Catalog;
using Open311Gateway.Api.OpenData.Catalog.Rdf;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.OpenData.Catalog;

/// <summary>
/// The served catalogue passes GovData's DCAT-AP.de 2.0 shapes (specification and conventions, with the base DCAT-AP
/// 2.1.1 shapes and the vocabularies they need: specs/opendata/shacl/), in Turtle and in JSON-LD; and the validation
/// bites: the same documents without dct:title, or with a licence outside the DCAT-AP.de vocabulary, fail it.
/// </summary>
public sealed class OpenDataCatalogShaclTests(OpenDataCatalogApp app) : IClassFixture<OpenDataCatalogApp>
{
    private const string Dataset = CatalogGraph.Document + "#dataset-teststadt.de";
    private const string UnknownLicence = "http://dcat-ap.de/def/licenses/teststadt-eigene-lizenz";

    [Fact]
    public async Task The_served_catalogue_conforms_and_copies_without_title_or_with_a_foreign_licence_do_not()
    {
        var turtle = await app.Client.GetStringAsync("/opendata/catalog.ttl");
        var jsonLd = await app.Client.GetStringAsync("/opendata/catalog.jsonld");
        // Our Turtle writes one statement per line, so a title is one line to drop.
        var untitled = string.Join('\n', turtle.Split('\n').Where(line => !line.TrimStart().StartsWith("dct:title ", StringComparison.Ordinal)));
        var foreignLicence = turtle.Replace("<http://dcat-ap.de/def/licenses/dl-by-de/2.0>", $"<{UnknownLicence}>", StringComparison.Ordinal);
        Assert.NotEqual(turtle, untitled);
        Assert.NotEqual(turtle, foreignLicence);

        var verdicts = await ShaclValidator.ValidateAsync(
            ("catalog.ttl", turtle), ("catalog.jsonld", jsonLd),
            ("untitled.ttl", untitled), ("untitled.jsonld", WithoutDatasetTitle(jsonLd)), ("foreign-licence.ttl", foreignLicence),
            ("demo.ttl", await DemoCatalogueAsync()));

        Assert.True(verdicts[0].Conforms, string.Join("\n", verdicts[0].Results));
        Assert.True(verdicts[1].Conforms, string.Join("\n", verdicts[1].Results));
        // Two serialisations of one graph: the same number of statements, and a catalogue, not a stub.
        Assert.Equal(verdicts[0].Triples, verdicts[1].Triples);
        Assert.InRange(verdicts[0].Triples, 80, 200);
        foreach (var untitledVerdict in verdicts.Skip(2).Take(2))
        {
            Assert.False(untitledVerdict.Conforms);
            Assert.Contains(untitledVerdict.Results, r => r is { Severity: "sh:Violation", Focus: Dataset, Path: "http://purl.org/dc/terms/title" });
        }
        Assert.True(verdicts[5].Conforms, string.Join("\n", verdicts[5].Results));
        Assert.False(verdicts[4].Conforms);
        Assert.Contains(verdicts[4].Results, r => r.Focus == UnknownLicence && r.Path == "http://www.w3.org/2004/02/skos/core#inScheme"
            && r.Message.Contains("dct:license", StringComparison.Ordinal));
    }

    // What run.sh's gateway serves for deploy/catalog/musterstadt.yaml (the README's example), built without a database.
    private static async Task<string> DemoCatalogueAsync()
    {
        var parsed = await CatalogParser.ParseFileAsync(RepositoryRoot.Combine("deploy", "catalog", "musterstadt.yaml"));
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        var time = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var datasets = parsed.Catalog.Jurisdictions.Where(j => j.OpenData is not null)
            .Select(j => new OpenDataDataset(j.Id, j.Name, j.OpenData!, time, time)).ToList();
        Assert.Equal(2, datasets.Count);
        return TurtleWriter.Write(DcatCatalogDocument.Build(parsed.Catalog.OpenData!, datasets, "http://127.0.0.1:5080"));
    }

    // The JSON-LD copy loses only the dataset's title; the catalogue's and the distributions' stay.
    private static string WithoutDatasetTitle(string jsonLd)
    {
        var document = JsonNode.Parse(jsonLd)!;
        var dataset = document["@graph"]!.AsArray().Single(node => (string?)node!["@id"] == Dataset)!.AsObject();
        Assert.True(dataset.Remove("dct:title"));
        return document.ToJsonString();
    }
}
