using YamlDotNet.Core;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Remembers where each value was first seen, so a duplicate can point back to it.</summary>
internal sealed class UniqueValues<T>(ParseContext context) where T : notnull
{
    private readonly Dictionary<T, (string Path, Mark At)> _seen = [];

    /// <param name="subject">How the error names the duplicate, such as <c>services[3].code 'GRAFFITI'</c>.</param>
    public void Claim(T value, Mark at, string path, string subject)
    {
        if (_seen.TryGetValue(value, out var first))
        {
            context.Report(at, $"{subject} is already used by {first.Path} (line {first.At.Line})");
            return;
        }
        _seen[value] = (path, at);
    }
}
