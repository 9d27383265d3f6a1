namespace Open311Gateway.Api.Open311;

/// <summary>The two representations GeoReport v2 defines, chosen by the resource's suffix.</summary>
public enum Open311Format
{
    Json,
    Xml,
}

public static class Open311Formats
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    public static bool TryParse(string? suffix, out Open311Format format)
    {
        switch (suffix)
        {
            case "json":
                format = Open311Format.Json;
                return true;
            case "xml":
                format = Open311Format.Xml;
                return true;
            default:
                format = Open311Format.Json;
                return false;
        }
    }

    /// <summary>For answers written outside an action (errors, fallbacks): XML only when the path asks for it.</summary>
    public static Open311Format FromPath(PathString path) =>
        path.HasValue && path.Value!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? Open311Format.Xml : Open311Format.Json;

    public static string ContentType(this Open311Format format) =>
        format == Open311Format.Xml ? XmlContentType : JsonContentType;
}
