using System.Text;
using System.Xml.Linq;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Tests.Open311;

/// <summary>The XML and JSON writers: the same document, XML with its root, JSON without.</summary>
public sealed class Open311WriterTests
{
    private const string Declaration = """<?xml version="1.0" encoding="utf-8"?>""";

    private static string Xml(Open311Document document) => Encoding.UTF8.GetString(Open311XmlWriter.Write(document));

    private static Open311Document Sample() => Open311Document.List("service_requests", "request",
    [
        new Open311Object()
            .Add("service_request_id", "7")
            .Add("status_notes", null)
            .Add("metadata", true)
            .Add("order", 3)
            .Add("lat", 52.52)
            .Add("values", new Open311List("value", [new Open311Object().Add("key", "k").Add("name", "Größe")])),
    ]);

    [Fact]
    public void An_empty_list_is_an_empty_root_element_in_xml() =>
        Assert.Equal(Declaration + "\n<services />", Xml(Open311Document.List("services", "service", [])));

    [Fact]
    public void An_empty_list_is_an_empty_array_in_json() =>
        Assert.Equal("[]", Open311JsonWriter.Write(Open311Document.List("services", "service", [])));

    [Fact]
    public void A_document_in_xml_has_the_declaration_its_root_and_indented_lf_lines()
    {
        Assert.Equal(Declaration + """

            <service_requests>
              <request>
                <service_request_id>7</service_request_id>
                <status_notes />
                <metadata>true</metadata>
                <order>3</order>
                <lat>52.52</lat>
                <values>
                  <value>
                    <key>k</key>
                    <name>Größe</name>
                  </value>
                </values>
              </request>
            </service_requests>
            """, Xml(Sample()));
    }

    [Fact]
    public void A_document_in_json_drops_the_root_and_makes_lists_arrays_even_with_one_item() =>
        Assert.Equal("""[{"service_request_id":"7","status_notes":null,"metadata":true,"order":3,"lat":52.52,"values":[{"key":"k","name":"Größe"}]}]""",
            Open311JsonWriter.Write(Sample()));

    [Fact]
    public void A_null_field_is_an_empty_element_and_json_null_while_an_unadded_one_is_absent()
    {
        var document = new Open311Document("x", new Open311Object().Add("a", null).AddIfNotNull("b", null).AddIfNotNull("c", "1"));
        Assert.Equal(Declaration + "\n<x>\n  <a />\n  <c>1</c>\n</x>", Xml(document));
        Assert.Equal("""{"a":null,"c":"1"}""", Open311JsonWriter.Write(document));
    }

    [Fact]
    public void An_object_document_is_a_json_object()
    {
        var document = new Open311Document("service_definition", new Open311Object().Add("service_code", "A").Add("attributes", new Open311List("attribute", [])));
        Assert.Equal("""{"service_code":"A","attributes":[]}""", Open311JsonWriter.Write(document));
        Assert.Equal(Declaration + "\n<service_definition>\n  <service_code>A</service_code>\n  <attributes />\n</service_definition>", Xml(document));
    }

    [Fact]
    public void Xml_bytes_are_utf8_without_a_byte_order_mark_and_without_namespaces()
    {
        var bytes = Open311XmlWriter.Write(Sample());
        Assert.Equal((byte)'<', bytes[0]);
        var text = new UTF8Encoding(false, true).GetString(bytes);
        Assert.DoesNotContain("xmlns", text, StringComparison.Ordinal);
        Assert.Contains("Größe", text, StringComparison.Ordinal);
        Assert.Equal(XNamespace.None, XDocument.Parse(text).Root!.Name.Namespace);
    }

    [Fact]
    public void Markup_in_text_is_escaped_and_reads_back_verbatim()
    {
        const string text = "<script>alert('x')</script> & ]]> \"q\"";
        var xml = Xml(new Open311Document("x", new Open311Object().Add("d", text)));
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; ]]&gt; \"q\"", xml, StringComparison.Ordinal);
        Assert.Equal(text, XDocument.Parse(xml).Root!.Element("d")!.Value);
        Assert.Equal(text, (string)Newtonsoft.Json.Linq.JObject.Parse(Open311JsonWriter.Write(new Open311Document("x", new Open311Object().Add("d", text))))["d"]!);
    }

    [Fact]
    public void Crlf_line_breaks_survive_an_xml_parser()
    {
        const string text = "eins\r\nzwei\rdrei\nvier\tfünf";
        var xml = Xml(new Open311Document("x", new Open311Object().Add("d", text)));
        Assert.Equal(text, XDocument.Parse(xml).Root!.Element("d")!.Value);
        Assert.Equal("""{"d":"eins\r\nzwei\rdrei\nvier\tfünf"}""", Open311JsonWriter.Write(new Open311Document("x", new Open311Object().Add("d", text))));
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_but_emoji_are_kept()
    {
        var xml = Xml(new Open311Document("x", new Open311Object().Add("d", "a\0b\u0001c😀\uD800d\uFFFEe")));
        Assert.Equal("abc😀de", XDocument.Parse(xml).Root!.Element("d")!.Value);
    }

    [Fact]
    public void Json_escapes_control_characters()
    {
        var json = Open311JsonWriter.Write(new Open311Document("x", new Open311Object().Add("d", "a\0b\u001Bc")));
        Assert.Equal("""{"d":"a\u0000b\u001bc"}""", json);
    }

    [Theory]
    [InlineData(13.405, "13.405")]
    [InlineData(-90.0, "-90")]
    [InlineData(0.1, "0.1")]
    public void Numbers_are_written_invariantly(double value, string xmlText)
    {
        var document = new Open311Document("x", new Open311Object().Add("n", value));
        Assert.Equal(Declaration + $"\n<x>\n  <n>{xmlText}</n>\n</x>", Xml(document));
        Assert.Equal(value, (double)Newtonsoft.Json.Linq.JObject.Parse(Open311JsonWriter.Write(document))["n"]!);
    }

    [Fact]
    public void Numbers_do_not_follow_the_thread_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var document = new Open311Document("x", new Open311Object().Add("n", 52.52));
            Assert.Contains("<n>52.52</n>", Xml(document), StringComparison.Ordinal);
            Assert.Equal("""{"n":52.52}""", Open311JsonWriter.Write(document));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Errors_are_a_list_of_code_and_description()
    {
        var document = Open311Document.Errors([new Open311Error(400, "eins"), new Open311Error(400, "zwei")]);
        Assert.Equal("""[{"code":"400","description":"eins"},{"code":"400","description":"zwei"}]""", Open311JsonWriter.Write(document));
        Assert.Equal(Declaration + """

            <errors>
              <error>
                <code>400</code>
                <description>eins</description>
              </error>
              <error>
                <code>400</code>
                <description>zwei</description>
              </error>
            </errors>
            """, Xml(document));
    }

    [Fact]
    public void A_value_of_an_unsupported_type_is_refused()
    {
        var document = new Open311Document("x", new Open311Object().Add("d", DateTime.UtcNow));
        Assert.Throws<ArgumentException>(() => Open311JsonWriter.Write(document));
        Assert.Throws<ArgumentException>(() => Open311XmlWriter.Write(document));
    }
}
