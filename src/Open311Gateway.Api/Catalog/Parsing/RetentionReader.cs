namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>
/// A jurisdiction's <c>personal_data_retention_days</c>: a whole number of days from 0 (erased at the job's next run
/// after closing) to <see cref="MaxDays"/>, or <c>never</c>; absent, the default.
/// </summary>
internal static class RetentionReader
{
    public const string Key = "personal_data_retention_days";

    // Ten years: anything longer is a typo, and the number must stay within an interval PostgreSQL computes.
    private const int MaxDays = 3650;

    public static int? Read(MappingReader reader, ParseContext context)
    {
        if (!reader.Has(Key)) return CatalogVocabulary.DefaultPersonalDataRetentionDays;
        // Not text (a list, say): String has said so already.
        if (reader.String(Key, required: false) is not { } text) return CatalogVocabulary.DefaultPersonalDataRetentionDays;
        if (text == CatalogVocabulary.RetentionNever) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days <= MaxDays)
            return days;
        context.Report(reader.StartOf(Key),
            $"{reader.PathOf(Key)} must be a whole number of days from 0 to {MaxDays}, or '{CatalogVocabulary.RetentionNever}'");
        return CatalogVocabulary.DefaultPersonalDataRetentionDays;
    }
}
