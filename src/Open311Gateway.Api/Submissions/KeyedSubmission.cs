using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// A client app's POST whose body was read and whose key was accepted, before its jurisdiction is known: a new
/// report may find its jurisdiction from its point (<c>Features/Requests/Intake/JurisdictionRouter</c>).
/// <see cref="Errors"/> holds problems found so far that the caller reports with its own.
/// </summary>
public sealed record KeyedSubmission(SubmittedFields Fields, ApiClient Client, List<string> Errors);
