namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>What <see cref="GridPosition.NextReportAsync"/> gives a new report: its id, and its point projected when asked.</summary>
public sealed record NewReportNumbers(long Id, (double Easting, double Northing)? Projected);
