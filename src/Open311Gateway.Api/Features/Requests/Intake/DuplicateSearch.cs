namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>What the duplicate step looks for (ADR 15): an open public report of the service within the radius, filed since then.</summary>
public sealed record DuplicateSearch(long ServiceId, double RadiusMetres, DateTimeOffset Since);
