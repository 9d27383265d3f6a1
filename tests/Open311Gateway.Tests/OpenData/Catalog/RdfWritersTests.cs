using System.Text;
using System.Text.Json;
using Open311Gateway.Api.OpenData.Catalog;
using Open311Gateway.Api.OpenData.Catalog.Rdf;

namespace Open311Gateway.Tests.OpenData.Catalog;

/// <summary>The Turtle and JSON-LD writers (ADR 24): texts from the catalogue file arrive in them as they are, escaped.</summary>
public class RdfWritersTests
{
    private const string Tricky = "Ein \"Zitat\", ein \\ Backslash,\nzwei Zeilen\tund ein \u0007.";

    private static RdfGraph Graph()
    {
        var graph = new RdfGraph(DcatTerms.Prefixes);
        graph.Describe(new RdfIri("https://gateway.example/opendata/catalog.ttl#catalog"))
            .Add(DcatTerms.RdfType, DcatTerms.CatalogClass)
            .Add(DcatTerms.Title, RdfLiteral.German(Tricky))
            .Add(DcatTerms.Modified, new RdfLiteral("2026-12-01T10:00:00Z", DcatTerms.DateTime))
            .Add(DcatTerms.Homepage, new RdfIri("https://www.musterstadt.example.org/a-b_c?x=1&y=%C3%A4"));
        return graph;
    }

    [Fact]
    public void Turtle_escapes_quotes_backslashes_line_breaks_and_control_characters()
    {
        var turtle = TurtleWriter.Write(Graph());

        Assert.Contains("""dct:title "Ein \"Zitat\", ein \\ Backslash,\nzwei Zeilen\tund ein \u0007."@de ;""", turtle, StringComparison.Ordinal);
        Assert.Contains("""    a dcat:Catalog ;""", turtle, StringComparison.Ordinal);
        Assert.Contains("""dct:modified "2026-12-01T10:00:00Z"^^xsd:dateTime ;""", turtle, StringComparison.Ordinal);
        Assert.Contains("foaf:homepage <https://www.musterstadt.example.org/a-b_c?x=1&y=%C3%A4> .", turtle, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ld_keeps_the_text_whole_with_its_language_and_types_by_prefix()
    {
        var json = JsonDocument.Parse(Encoding.UTF8.GetString(JsonLdWriter.Write(Graph()))).RootElement;
        var node = json.GetProperty("@graph")[0];

        Assert.Equal("http://www.w3.org/ns/dcat#", json.GetProperty("@context").GetProperty("dcat").GetString());
        Assert.Equal("dcat:Catalog", node.GetProperty("@type")[0].GetString());
        Assert.Equal(Tricky, node.GetProperty("dct:title")[0].GetProperty("@value").GetString());
        Assert.Equal("de", node.GetProperty("dct:title")[0].GetProperty("@language").GetString());
        Assert.Equal("xsd:dateTime", node.GetProperty("dct:modified")[0].GetProperty("@type").GetString());
        Assert.Equal("https://www.musterstadt.example.org/a-b_c?x=1&y=%C3%A4", node.GetProperty("foaf:homepage")[0].GetProperty("@id").GetString());
    }

    [Theory]
    [InlineData("https://example.org/a b")]
    [InlineData("https://example.org/<script>")]
    [InlineData("https://example.org/\"")]
    public void An_iri_that_turtle_cannot_hold_is_refused_before_it_is_written(string iri) =>
        Assert.Throws<ArgumentException>(() => new RdfIri(iri));
}
