using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Reads a <c>delivery:</c> block (adapter and endpoint) of a jurisdiction or a service.</summary>
internal static class DeliveryReader
{
    private static readonly string[] Keys = ["adapter", "endpoint"];

    public static CatalogDelivery? Read(MappingReader owner, ParseContext context)
    {
        if (owner.Mapping("delivery") is not { } mapping) return null;
        var reader = new MappingReader(mapping, owner.PathOf("delivery"), context, Keys);
        var adapter = reader.String("adapter", required: true);
        if (adapter is not null && !CatalogVocabulary.Adapters.Contains(adapter))
            context.Report(reader.StartOf("adapter"),
                $"{reader.PathOf("adapter")} '{adapter}' is not one of {string.Join(", ", CatalogVocabulary.Adapters)}");
        var endpoint = reader.String("endpoint", required: true);
        if (endpoint is not null && !IsHttpUrl(endpoint))
            context.Report(reader.StartOf("endpoint"), $"{reader.PathOf("endpoint")} '{endpoint}' is not an absolute http(s) URL");
        // Credentials in a URL would put a secret into the catalogue.
        else if (endpoint is not null && new Uri(endpoint).UserInfo.Length > 0)
            context.Report(reader.StartOf("endpoint"), $"{reader.PathOf("endpoint")} must not contain credentials; secrets belong in the worker's configuration");
        return adapter is null || endpoint is null ? null : new CatalogDelivery(adapter, endpoint);
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
