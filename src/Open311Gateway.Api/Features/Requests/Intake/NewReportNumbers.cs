namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// What <see cref="NewReportLookup"/> gives a new report: its id, its point projected when asked, and the earlier report
/// its duplicate hint names, if any.
/// </summary>
public sealed record NewReportNumbers(long Id, (double Easting, double Northing)? Projected, long? EarlierId);
