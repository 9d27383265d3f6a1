using System.Net;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

public sealed class ServicesTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string ServicesJson =
        """[{"service_code":"SCHLAGLOCH","service_name":"Schlagloch","description":"Schäden an der Fahrbahn","metadata":true,"type":"realtime","keywords":"Straße,Loch","group":"Straße und Verkehr"},"""
        + """{"service_code":"WILDER_MUELL","service_name":"Wilder Müll","description":null,"metadata":true,"type":"batch","keywords":null,"group":"Sauberkeit"},"""
        + """{"service_code":"HINWEIS","service_name":"Allgemeiner Hinweis","description":null,"metadata":false,"type":"blackbox","keywords":null,"group":null},"""
        + """{"service_code":"Grün & Park/Bank","service_name":"Parkbank beschädigt","description":null,"metadata":false,"type":"realtime","keywords":null,"group":null}]""";

    [Fact]
    public async Task The_services_list_in_json_is_a_bare_array_of_the_active_services_with_umlauts_intact()
    {
        var response = await app.Client.GetOpen311Async("services.json");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Json, ServicesJson);
    }

    [Fact]
    public async Task The_services_list_in_xml_has_one_service_element_per_active_service()
    {
        var response = await app.Client.GetOpen311Async("services.xml");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Xml, """
            <?xml version="1.0" encoding="utf-8"?>
            <services>
              <service>
                <service_code>SCHLAGLOCH</service_code>
                <service_name>Schlagloch</service_name>
                <description>Schäden an der Fahrbahn</description>
                <metadata>true</metadata>
                <type>realtime</type>
                <keywords>Straße,Loch</keywords>
                <group>Straße und Verkehr</group>
              </service>
              <service>
                <service_code>WILDER_MUELL</service_code>
                <service_name>Wilder Müll</service_name>
                <description />
                <metadata>true</metadata>
                <type>batch</type>
                <keywords />
                <group>Sauberkeit</group>
              </service>
              <service>
                <service_code>HINWEIS</service_code>
                <service_name>Allgemeiner Hinweis</service_name>
                <description />
                <metadata>false</metadata>
                <type>blackbox</type>
                <keywords />
                <group />
              </service>
              <service>
                <service_code>Grün &amp; Park/Bank</service_code>
                <service_name>Parkbank beschädigt</service_name>
                <description />
                <metadata>false</metadata>
                <type>realtime</type>
                <keywords />
                <group />
              </service>
            </services>
            """);
    }

    [Fact]
    public async Task An_empty_jurisdiction_id_counts_as_absent_for_the_services_list()
    {
        var response = await app.Client.GetOpen311Async("services.json?jurisdiction_id=");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Json, ServicesJson);
    }

    [Fact]
    public async Task A_service_definition_in_json_lists_attributes_with_values_arrays_and_the_informational_attribute()
    {
        var response = await app.Client.GetOpen311Async("services/SCHLAGLOCH.json");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Json,
            """{"service_code":"SCHLAGLOCH","attributes":["""
            + """{"variable":true,"code":"GROESSE","datatype":"singlevaluelist","required":true,"datatype_description":null,"order":1,"description":"Wie groß ist das Schlagloch?","values":[{"key":"klein","name":"Klein (unter 20 cm)"},{"key":"groß","name":"Groß"}]},"""
            + """{"variable":true,"code":"TIEFE_CM","datatype":"number","required":false,"datatype_description":null,"order":2,"description":"Tiefe in cm","values":[]},"""
            + """{"variable":false,"code":"HINWEIS","datatype":"string","required":false,"datatype_description":null,"order":3,"description":"Bei Gefahr 110 wählen.","values":[]},"""
            + """{"variable":true,"code":"BEOBACHTET_AM","datatype":"datetime","required":false,"datatype_description":null,"order":4,"description":"Wann bemerkt?","values":[]}]}""");
    }

    [Fact]
    public async Task A_service_definition_in_xml_has_a_service_definition_root()
    {
        var response = await app.Client.GetOpen311Async("services/WILDER_MUELL.xml");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Xml, """
            <?xml version="1.0" encoding="utf-8"?>
            <service_definition>
              <service_code>WILDER_MUELL</service_code>
              <attributes>
                <attribute>
                  <variable>true</variable>
                  <code>ART</code>
                  <datatype>multivaluelist</datatype>
                  <required>false</required>
                  <datatype_description />
                  <order>1</order>
                  <description>Was liegt dort?</description>
                  <values>
                    <value>
                      <key>sperrmuell</key>
                      <name>Sperrmüll</name>
                    </value>
                    <value>
                      <key>elektro</key>
                      <name>Elektrogeräte</name>
                    </value>
                    <value>
                      <key>bauschutt</key>
                      <name>Bauschutt</name>
                    </value>
                  </values>
                </attribute>
              </attributes>
            </service_definition>
            """);
    }

    [Fact]
    public async Task A_single_attribute_still_makes_a_json_array()
    {
        var response = await app.Client.GetOpen311Async("services/WILDER_MUELL.json");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Json,
            """{"service_code":"WILDER_MUELL","attributes":[{"variable":true,"code":"ART","datatype":"multivaluelist","required":false,"datatype_description":null,"order":1,"description":"Was liegt dort?","values":[{"key":"sperrmuell","name":"Sperrmüll"},{"key":"elektro","name":"Elektrogeräte"},{"key":"bauschutt","name":"Bauschutt"}]}]}""");
    }

    [Fact]
    public async Task A_service_without_attributes_has_an_empty_attributes_list()
    {
        var json = await app.Client.GetOpen311Async("services/HINWEIS.json");
        await Open311Assert.Body(json, HttpStatusCode.OK, Open311Assert.Json, """{"service_code":"HINWEIS","attributes":[]}""");
        var xml = await app.Client.GetOpen311Async("services/HINWEIS.xml");
        await Open311Assert.Body(xml, HttpStatusCode.OK, Open311Assert.Xml, """
            <?xml version="1.0" encoding="utf-8"?>
            <service_definition>
              <service_code>HINWEIS</service_code>
              <attributes />
            </service_definition>
            """);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_service_code_with_space_ampersand_and_slash_is_found_when_url_encoded(string format)
    {
        var response = await app.Client.GetOpen311Async($"services/Gr%C3%BCn%20%26%20Park%2FBank.{format}");
        var body = await Open311Assert.Answer(response, HttpStatusCode.OK, format == "xml" ? Open311Assert.Xml : Open311Assert.Json);
        Assert.Equal(format == "xml"
            ? Open311Assert.XmlDeclaration + "\n<service_definition>\n  <service_code>Grün &amp; Park/Bank</service_code>\n  <attributes />\n</service_definition>"
            : """{"service_code":"Grün & Park/Bank","attributes":[]}""", body);
    }

    [Fact]
    public async Task An_inactive_service_is_neither_listed_nor_defined()
    {
        var list = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("services.json"));
        Assert.DoesNotContain("ALT", list.Select(s => (string)s["service_code"]!));
        var response = await app.Client.GetOpen311Async("services/ALT.json");
        await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, "Unknown service_code 'ALT'."));
    }

    [Fact]
    public async Task An_unknown_service_code_answers_404_in_json()
    {
        var response = await app.Client.GetOpen311Async("services/GIBTS_NICHT.json");
        await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, "Unknown service_code 'GIBTS_NICHT'."));
    }

    [Fact]
    public async Task An_unknown_service_code_answers_404_in_xml_when_xml_was_asked_for()
    {
        var response = await app.Client.GetOpen311Async("services/GIBTS_NICHT.xml");
        await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Xml, Open311Assert.XmlError(404, "Unknown service_code 'GIBTS_NICHT'."));
    }

    [Fact]
    public async Task An_unknown_jurisdiction_answers_404()
    {
        var response = await app.Client.GetOpen311Async("services.json?jurisdiction_id=gibtsnicht.de");
        await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, "Unknown jurisdiction_id 'gibtsnicht.de'."));
        var definition = await app.Client.GetOpen311Async("services/SCHLAGLOCH.xml?jurisdiction_id=gibtsnicht.de");
        await Open311Assert.Body(definition, HttpStatusCode.NotFound, Open311Assert.Xml, Open311Assert.XmlError(404, "Unknown jurisdiction_id 'gibtsnicht.de'."));
    }
}
