namespace Open311Gateway.Api.Features.OpenApi;

/// <summary>
/// Serves specs/openapi.yaml, embedded at build time, at <c>/openapi.yaml</c>: the document a client
/// reads is the one in the repository, not a second copy generated from code.
/// </summary>
public static class OpenApiDocumentEndpoint
{
    private const string ResourceName = "openapi.yaml";

    public static IEndpointRouteBuilder MapOpenApiDocument(this IEndpointRouteBuilder endpoints)
    {
        var document = ReadEmbeddedDocument();
        endpoints.MapGet("/openapi.yaml", () => Results.Text(document, "application/yaml; charset=utf-8"));
        return endpoints;
    }

    private static string ReadEmbeddedDocument()
    {
        using var stream = typeof(OpenApiDocumentEndpoint).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
