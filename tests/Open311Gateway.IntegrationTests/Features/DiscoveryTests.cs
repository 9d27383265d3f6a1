using System.Net;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

public sealed class DiscoveryTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task Discovery_in_json_names_the_endpoint_its_formats_and_the_catalogue_import_as_changeset()
    {
        var response = await app.Client.GetOpen311Async("discovery.json");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Json,
            """{"changeset":"2026-11-01T08:00:00+00:00","contact":"Bürgerbüro Teststadt, buergerbuero@teststadt.example.org","key_service":"Schlüssel beim Bürgerbüro anfragen","endpoints":[{"specification":"http://wiki.open311.org/GeoReport_v2","url":"http://localhost/open311/v2","changeset":"2026-11-01T08:00:00+00:00","type":"production","formats":["text/xml","application/json"]}]}""");
    }

    [Fact]
    public async Task Discovery_in_xml_has_the_same_content_under_a_discovery_root()
    {
        var response = await app.Client.GetOpen311Async("discovery.xml");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Xml, """
            <?xml version="1.0" encoding="utf-8"?>
            <discovery>
              <changeset>2026-11-01T08:00:00+00:00</changeset>
              <contact>Bürgerbüro Teststadt, buergerbuero@teststadt.example.org</contact>
              <key_service>Schlüssel beim Bürgerbüro anfragen</key_service>
              <endpoints>
                <endpoint>
                  <specification>http://wiki.open311.org/GeoReport_v2</specification>
                  <url>http://localhost/open311/v2</url>
                  <changeset>2026-11-01T08:00:00+00:00</changeset>
                  <type>production</type>
                  <formats>
                    <format>text/xml</format>
                    <format>application/json</format>
                  </formats>
                </endpoint>
              </endpoints>
            </discovery>
            """);
    }
}
