using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Reads the organisations of open-data metadata: a <c>publisher:</c> and a <c>contact_point:</c>.</summary>
internal static class AgentReader
{
    private static readonly string[] PublisherKeys = ["name", "url"];
    private static readonly string[] ContactKeys = ["name", "email", "url"];

    public static CatalogAgent? ReadPublisher(MappingReader owner, ParseContext context)
    {
        if (!Present(owner, "publisher", "{ name: Stadt Musterstadt, url: https://www.musterstadt.de }", context)) return null;
        if (owner.Mapping("publisher") is not { } mapping) return null;
        var reader = new MappingReader(mapping, owner.PathOf("publisher"), context, PublisherKeys);
        var name = SingleLine(reader, "name", required: true, context);
        var url = Url(reader, "url", context);
        return name is null ? null : new CatalogAgent(name, url);
    }

    public static CatalogContactPoint? ReadContactPoint(MappingReader owner, ParseContext context)
    {
        if (!Present(owner, "contact_point", "{ name: Bürgerservice, email: maengel@musterstadt.de }", context)) return null;
        if (owner.Mapping("contact_point") is not { } mapping) return null;
        var reader = new MappingReader(mapping, owner.PathOf("contact_point"), context, ContactKeys);
        var name = SingleLine(reader, "name", required: true, context);
        var email = reader.String("email", required: false);
        if (email is not null && !WebAddress.IsMailAddress(email))
        {
            context.Report(reader.StartOf("email"), $"{reader.PathOf("email")} '{email}' is not a mail address such as maengel@musterstadt.de");
            email = null;
        }
        var url = Url(reader, "url", context);
        // DCAT-AP.de wants a way to reach the contact, not only a name.
        if (!reader.Has("email") && !reader.Has("url"))
            context.Report(mapping, $"{owner.PathOf("contact_point")} needs an email or a url (or both)");
        return name is null ? null : new CatalogContactPoint(name, email, url);
    }

    public static string? Url(MappingReader reader, string key, ParseContext context)
    {
        var url = reader.String(key, required: false);
        if (url is null || WebAddress.IsHttpUrl(url)) return url;
        context.Report(reader.StartOf(key), $"{reader.PathOf(key)} '{url}' is not an absolute http(s) URL without credentials");
        return null;
    }

    /// <summary>A text that must fit on one line (a name, a title): RDF literals are served as they are.</summary>
    public static string? SingleLine(MappingReader reader, string key, bool required, ParseContext context)
    {
        var text = reader.String(key, required);
        if (text is null || !TextRules.HasControlCharacter(text)) return text;
        context.Report(reader.StartOf(key), $"{reader.PathOf(key)} must be one line of text without control characters");
        return null;
    }

    private static bool Present(MappingReader owner, string key, string example, ParseContext context)
    {
        if (owner.Has(key)) return true;
        context.Report(owner.StartOf(key), $"{owner.PathOf(key)} is missing (such as {key}: {example})");
        return false;
    }
}
