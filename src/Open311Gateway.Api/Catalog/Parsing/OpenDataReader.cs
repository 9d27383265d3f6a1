using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>
/// Reads a jurisdiction's <c>open_data:</c> block (ADR 24). Absent: the jurisdiction's reports are in no open-data
/// catalogue. The licence is a legal decision of the municipality, so it has no default.
/// </summary>
internal static class OpenDataReader
{
    public const string Key = "open_data";

    private static readonly string[] Keys =
        ["title", "description", "license", "contributor_id", "publisher", "contact_point", "keywords", "themes", "spatial", "attribution", "issued", "landing_page"];

    public static CatalogOpenData? Read(MappingReader jurisdiction, ParseContext context)
    {
        if (jurisdiction.Mapping(Key) is not { } mapping) return null;
        var reader = new MappingReader(mapping, jurisdiction.PathOf(Key), context, Keys);
        var title = AgentReader.SingleLine(reader, "title", required: false, context);
        var description = reader.String("description", required: false);
        var license = ReadLicense(reader, context);
        var contributor = ReadContributor(reader, context);
        var publisher = AgentReader.ReadPublisher(reader, context);
        var contact = AgentReader.ReadContactPoint(reader, context);
        var keywords = ReadKeywords(reader, context);
        var themes = ReadThemes(reader, context);
        var spatial = ReadSpatial(reader, context);
        var attribution = AgentReader.SingleLine(reader, "attribution", required: false, context);
        var issued = ReadIssued(reader, context);
        var landingPage = AgentReader.Url(reader, "landing_page", context);
        if (license is null || contributor is null || publisher is null || contact is null) return null;
        return new CatalogOpenData(license, contributor, publisher, contact, keywords, themes, title, description, spatial, attribution, issued, landingPage);
    }

    private static string? ReadLicense(MappingReader reader, ParseContext context)
    {
        var text = reader.String("license", required: true);
        if (text is null) return null;
        var id = text.StartsWith(OpenDataVocabulary.LicensePrefix, StringComparison.Ordinal) ? text[OpenDataVocabulary.LicensePrefix.Length..] : text;
        // Exact spelling: the list itself has both geonutz/20130319 and geoNutz/20131001.
        if (OpenDataVocabulary.OpenLicenses.Contains(id, StringComparer.Ordinal)) return OpenDataVocabulary.LicensePrefix + id;
        var path = reader.PathOf("license");
        context.Report(reader.StartOf("license"), OpenDataVocabulary.ClosedLicenses.Contains(id, StringComparer.Ordinal)
            ? $"{path} '{text}' is not an open licence (GovData counts it as closed); open data needs one of {string.Join(", ", OpenDataVocabulary.OpenLicenses)}"
            : $"{path} '{text}' is not in the DCAT-AP.de licence vocabulary ({OpenDataVocabulary.LicensePrefix}); use one of {string.Join(", ", OpenDataVocabulary.OpenLicenses)}");
        return null;
    }

    // GovData's list of contributors grows; the form is checked here, the membership by GovData on harvest.
    private static string? ReadContributor(MappingReader reader, ParseContext context)
    {
        var text = reader.String("contributor_id", required: true);
        if (text is null) return null;
        var id = text.StartsWith(OpenDataVocabulary.ContributorPrefix, StringComparison.Ordinal) ? text[OpenDataVocabulary.ContributorPrefix.Length..] : text;
        if (id.Length > 0 && id.All(char.IsAsciiLetterOrDigit)) return OpenDataVocabulary.ContributorPrefix + id;
        context.Report(reader.StartOf("contributor_id"), $"{reader.PathOf("contributor_id")} '{text}' is not an entry of GovData's contributor list "
            + $"({OpenDataVocabulary.ContributorPrefix}…), such as openNRW or {OpenDataVocabulary.ContributorPrefix}openNRW");
        return null;
    }

    private static IReadOnlyList<string> ReadKeywords(MappingReader reader, ParseContext context)
    {
        if (!reader.Has("keywords")) return OpenDataVocabulary.DefaultKeywords;
        var keywords = new List<string>();
        foreach (var (text, at, path) in Texts(reader, "keywords", context))
        {
            if (TextRules.HasControlCharacter(text)) context.Report(at, $"{path} must be one line of text");
            else if (!keywords.Contains(text, StringComparer.Ordinal)) keywords.Add(text);
        }
        if (reader.Sequence("keywords", required: false).Count == 0)
            context.Report(reader.StartOf("keywords"), $"{reader.PathOf("keywords")} must list at least one keyword (without the key: {string.Join(", ", OpenDataVocabulary.DefaultKeywords)})");
        return keywords;
    }

    private static IReadOnlyList<string> ReadThemes(MappingReader reader, ParseContext context)
    {
        if (!reader.Has("themes")) return [OpenDataVocabulary.ThemePrefix + OpenDataVocabulary.DefaultTheme];
        var themes = new List<string>();
        foreach (var (text, at, path) in Texts(reader, "themes", context))
        {
            var code = text.StartsWith(OpenDataVocabulary.ThemePrefix, StringComparison.Ordinal) ? text[OpenDataVocabulary.ThemePrefix.Length..] : text;
            if (OpenDataVocabulary.Themes.Contains(code, StringComparer.Ordinal)) themes.Add(OpenDataVocabulary.ThemePrefix + code);
            else context.Report(at, $"{path} '{text}' is not one of the EU data themes {string.Join(", ", OpenDataVocabulary.Themes)}");
        }
        return themes.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string? ReadSpatial(MappingReader reader, ParseContext context)
    {
        var text = reader.String("spatial", required: false);
        if (text is null || WebAddress.IsHttpUrl(text)) return text;
        context.Report(reader.StartOf("spatial"), $"{reader.PathOf("spatial")} '{text}' is not an IRI such as "
            + "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05315000 (the municipality's key) or a GeoNames IRI");
        return null;
    }

    private static DateOnly? ReadIssued(MappingReader reader, ParseContext context)
    {
        var text = reader.String("issued", required: false);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        context.Report(reader.StartOf("issued"), $"{reader.PathOf("issued")} '{text}' is not a date such as 2026-01-15");
        return null;
    }

    private static IEnumerable<(string Text, Mark At, string Path)> Texts(MappingReader reader, string key, ParseContext context)
    {
        var items = reader.Sequence(key, required: false);
        for (var index = 0; index < items.Count; index++)
        {
            var path = $"{reader.PathOf(key)}[{index}]";
            if (items[index] is YamlScalarNode { Value: { } value } && !ParseContext.IsNull(items[index]) && value.Trim().Length > 0)
                yield return (value.Trim(), items[index].Start, path);
            else
                context.Report(items[index], $"{path} must be a word or phrase, not {ParseContext.Describe(items[index])}");
        }
    }
}
