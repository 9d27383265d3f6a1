namespace Open311Gateway.Api.Open311;

/// <summary>One entry of an Open311 error list; <see cref="Code"/> is the HTTP status.</summary>
public sealed record Open311Error(int Code, string Description);
