namespace Open311Gateway.Api.Data.Configurations;

/// <summary>
/// SQL conditions "this row still holds personal data", shared by the partial indexes and the retention job's queries
/// (the planner uses a partial index only for a query that repeats its condition).
/// </summary>
public static class PersonalColumns
{
    public const string AnyOfReport =
        "email IS NOT NULL OR phone IS NOT NULL OR first_name IS NOT NULL OR last_name IS NOT NULL OR device_id IS NOT NULL OR account_id IS NOT NULL";

    public const string AnyOfUpdate =
        "email IS NOT NULL OR first_name IS NOT NULL OR last_name IS NOT NULL OR account_id IS NOT NULL";
}
