namespace Open311Gateway.Api.Privacy;

/// <summary>The retention job (section <c>Privacy</c>); how long each jurisdiction keeps personal data is in the catalogue.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Run the retention job in this process (several API replicas may all run it; they claim different rows).</summary>
    public bool RunRetention { get; set; } = true;

    /// <summary>How often the job looks for reports whose retention ran out.</summary>
    public double RetentionIntervalMinutes { get; set; } = 60;

    /// <summary>Reports erased per transaction: short transactions, so the job never holds many rows locked at once.</summary>
    public int RetentionBatchSize { get; set; } = 500;
}
