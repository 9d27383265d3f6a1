using System.Net.Mail;
using Open311Gateway.Contracts.Adapters;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Reads a <c>delivery:</c> block of a jurisdiction or a service, checked against its adapter kind.</summary>
internal static class DeliveryReader
{
    private static readonly string[] Keys = ["adapter", "endpoint", "settings", "statuses", "poll_seconds"];

    public static CatalogDelivery? Read(MappingReader owner, ParseContext context)
    {
        if (owner.Mapping("delivery") is not { } mapping) return null;
        var reader = new MappingReader(mapping, owner.PathOf("delivery"), context, Keys);
        var adapter = reader.String("adapter", required: true);
        var kind = AdapterKinds.Find(adapter);
        if (adapter is not null && kind is null)
            context.Report(reader.StartOf("adapter"),
                $"{reader.PathOf("adapter")} '{adapter}' is not one of {string.Join(", ", AdapterKinds.Names)}");

        var endpoint = reader.String("endpoint", required: true);
        if (endpoint is not null && kind is not null) endpoint = CheckEndpoint(endpoint, kind, reader, context);

        var settings = kind is null ? null : AdapterSettingsReader.Read(reader, "settings", kind, perServiceOnly: false, context);
        var statuses = ReadStatuses(reader, kind, context);
        var pollSeconds = ReadPollSeconds(reader, kind, context);
        return adapter is null || endpoint is null || kind is null || settings is null
            ? null
            : new CatalogDelivery(adapter, endpoint, settings, statuses, pollSeconds);
    }

    /// <summary>The endpoint as stored: a URL unchanged, a mail address without <c>mailto:</c>; null when it is wrong.</summary>
    private static string? CheckEndpoint(string endpoint, AdapterKind kind, MappingReader reader, ParseContext context)
    {
        var at = reader.StartOf("endpoint");
        var path = reader.PathOf("endpoint");
        if (kind.Endpoint == EndpointForm.MailAddress)
        {
            var address = endpoint.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? endpoint["mailto:".Length..] : endpoint;
            if (IsPlainMailAddress(address)) return address;
            context.Report(at, $"{path} '{endpoint}' is not a mail address such as maengel@musterstadt.de (adapter {kind.Name})");
            return null;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            context.Report(at, $"{path} '{endpoint}' is not an absolute http(s) URL");
            return null;
        }
        // Credentials in a URL would put a secret into the catalogue.
        if (uri.UserInfo.Length > 0)
        {
            context.Report(at, $"{path} must not contain credentials; secrets belong in the worker's configuration");
            return null;
        }
        return endpoint;
    }

    // One address, no display name ("Amt <a@b>") and no list: the catalogue names a mailbox, nothing to parse later.
    private static bool IsPlainMailAddress(string text) =>
        MailAddress.TryCreate(text, out var parsed) && parsed.Address == text && parsed.DisplayName.Length == 0 && !text.Contains(',');

    private static IReadOnlyDictionary<string, string> ReadStatuses(MappingReader reader, AdapterKind? kind, ParseContext context)
    {
        if (!reader.Has("statuses"))
        {
            if (kind is { Name: AdapterKinds.Redmine })
                context.Report(reader.StartOf("statuses"),
                    $"{reader.PathOf("statuses")} is missing: adapter {kind.Name} needs its statuses mapped to ours (such as 'In Bearbeitung: IN_PROGRESS')");
            return new Dictionary<string, string>();
        }
        if (kind is { PullsStatus: false })
        {
            context.Report(reader.StartOf("statuses"),
                $"{reader.PathOf("statuses")} is only for adapters whose statuses are pulled ({string.Join(", ", AdapterKinds.All.Where(k => k.PullsStatus).Select(k => k.Name))})");
            return new Dictionary<string, string>();
        }
        return TextMapReader.Read(reader, "statuses", context, (value, at, path) =>
        {
            if (Statuses.ExtendedStatuses.Normalize(value) is { } status) return status;
            context.Report(at, $"{path} '{value}' is not one of our statuses ({string.Join(", ", Statuses.ExtendedStatuses.All)})");
            return null;
        });
    }

    private static int? ReadPollSeconds(MappingReader reader, AdapterKind? kind, ParseContext context)
    {
        var seconds = reader.Integer("poll_seconds");
        if (seconds is null) return kind is { PullsStatus: true } ? CatalogVocabulary.DefaultPollSeconds : null;
        if (kind is { PullsStatus: false })
        {
            context.Report(reader.StartOf("poll_seconds"), $"{reader.PathOf("poll_seconds")}: adapter {kind.Name} does not poll for statuses");
            return null;
        }
        if (seconds < 1)
        {
            context.Report(reader.StartOf("poll_seconds"), $"{reader.PathOf("poll_seconds")} must be at least 1");
            return null;
        }
        return seconds;
    }
}
