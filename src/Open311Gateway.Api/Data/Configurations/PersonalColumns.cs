namespace Open311Gateway.Api.Data.Configurations;

/// <summary>
/// SQL conditions "this row still holds personal data", shared by the partial indexes and the retention job's queries
/// (the planner uses a partial index only for a query that repeats its condition).
/// </summary>
public static class PersonalColumns
{
    private static readonly string[] OfReport = ["email", "phone", "first_name", "last_name", "device_id", "account_id"];
    private static readonly string[] OfUpdate = ["email", "first_name", "last_name", "account_id"];

    public static string AnyOfReport(string? alias = null) => AnyOf(OfReport, alias);

    public static string AnyOfUpdate(string? alias = null) => AnyOf(OfUpdate, alias);

    private static string AnyOf(string[] columns, string? alias) =>
        string.Join(" OR ", columns.Select(c => (alias is null ? c : alias + "." + c) + " IS NOT NULL"));
}
