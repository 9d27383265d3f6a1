namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Thrown while a body is read, as soon as it passes a limit, so that nothing more of it is read or held.
/// Not an <see cref="IOException"/>: the readers turn those into 400, this one is a 413.
/// </summary>
public sealed class BodyTooLargeException(string message) : Exception(message);
