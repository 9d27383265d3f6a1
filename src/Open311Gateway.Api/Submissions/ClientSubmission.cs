using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Jurisdictions;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// A client app's POST whose body was read, whose key was accepted and whose jurisdiction is known.
/// <see cref="Errors"/> holds problems found so far that the caller reports with its own.
/// </summary>
public sealed record ClientSubmission(SubmittedFields Fields, ApiClient Client, JurisdictionResolution Jurisdiction, List<string> Errors);
