using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.IntegrationTests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.IntegrationTests.Specs;

/// <summary>specs/openapi.yaml is served, and it describes every route the API really has (and no other).</summary>
public sealed partial class OpenApiDocumentTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task The_document_in_specs_is_served_at_openapi_yaml()
    {
        var response = await app.Client.GetAsync("/openapi.yaml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllTextAsync(RepositoryRoot.Combine("specs", "openapi.yaml")), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Every_served_route_has_a_path_in_the_document_and_every_path_a_route()
    {
        var documented = DocumentedPaths().Select(Shape).ToHashSet();
        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            // The document itself and the health probes are for operators, not part of the API it describes.
            .Where(p => p != "/openapi.yaml" && !p.StartsWith("/health", StringComparison.Ordinal))
            .Select(Shape)
            .ToHashSet();

        Assert.Equal(documented.Order(), served.Order());
    }

    private static IEnumerable<string> DocumentedPaths()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryRoot.Combine("specs", "openapi.yaml"))));
        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        foreach (var (key, _) in paths.Children)
        {
            var path = ((YamlScalarNode)key).Value!;
            // GeoReport paths live under the server URL /open311/v2 and end in .{format}; the suffix is stripped before routing.
            // The back-office API, the status-link pages, the photos, the operator page and open data are served from the root.
            yield return path.StartsWith("/backoffice/", StringComparison.Ordinal) || path.StartsWith("/status-links/", StringComparison.Ordinal)
                || path.StartsWith("/media/", StringComparison.Ordinal) || path.StartsWith("/operator/", StringComparison.Ordinal)
                || path.StartsWith("/opendata/", StringComparison.Ordinal)
                ? path
                : "/open311/v2" + path.Replace(".{format}", "");
        }
    }

    // Parameter names differ between the document and the routes ({service_code} and {**serviceCode}).
    private static string Shape(string path) => Parameter().Replace(path, "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
