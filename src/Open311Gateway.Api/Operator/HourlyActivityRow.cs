namespace Open311Gateway.Api.Operator;

/// <summary>One hour (UTC) of the chart: reports the API accepted, and reports a back office received (deliveries of kind request).</summary>
public sealed record HourlyActivityRow(DateTimeOffset Hour, int Accepted, int Delivered);
