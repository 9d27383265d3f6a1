namespace Open311Gateway.Tests.Catalog;

/// <summary><c>personal_data_retention_days</c>: a number of days, <c>never</c>, or the default of 30 when absent.</summary>
public class CatalogRetentionTests
{
    private static string Catalogue(string? retention) => $"""
        jurisdictions:
          - id: klein-dorf.de
            name: Gemeinde Kleindorf
        {(retention is null ? "" : $"    personal_data_retention_days: {retention}\n")}    services:
              - code: LAUB
                name: Laub
        """;

    [Theory]
    [InlineData(null, 30)]
    [InlineData("0", 0)]
    [InlineData("90", 90)]
    [InlineData("3650", 3650)]
    [InlineData("never", null)]
    public void Retention_is_read_as_days_or_never(string? retention, int? days) =>
        Assert.Equal(days, CatalogAssert.Valid(Catalogue(retention)).Jurisdictions.Single().PersonalDataRetentionDays);

    [Theory]
    [InlineData("-1")]
    [InlineData("3651")]
    [InlineData("30d")]
    [InlineData("Never")]
    [InlineData("1.5")]
    public void Anything_else_is_an_error_at_its_line(string retention) =>
        CatalogAssert.SingleError(Catalogue(retention), 4, null, "personal_data_retention_days", "from 0 to 3650", "'never'");
}
