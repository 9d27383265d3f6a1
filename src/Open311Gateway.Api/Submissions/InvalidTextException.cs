namespace Open311Gateway.Api.Submissions;

/// <summary>A body's or query's text is not Unicode text; its message is the client's 400 description.</summary>
public sealed class InvalidTextException(string message) : Exception(message)
{
    public static InvalidTextException NotUtf8(string what) =>
        new($"{what} is not valid UTF-8; send text as UTF-8 (percent-encoded UTF-8 in forms and query strings).");

    public static InvalidTextException LoneSurrogate(string what) =>
        new($"{what} holds a lone surrogate (such as \\ud800 without its pair), which is no Unicode character.");
}
