namespace Open311Gateway.Api.Open311;

/// <summary>
/// An ordered set of named fields that renders as an XML element or a JSON object.
/// Values are strings, booleans, numbers, nested objects or <see cref="Open311List"/>;
/// a null value renders as an empty element / JSON null, a field never added is absent.
/// </summary>
public sealed class Open311Object
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    public Open311Object Add(string name, object? value)
    {
        _fields.Add(new(name, value));
        return this;
    }

    public Open311Object AddIfNotNull(string name, object? value) => value is null ? this : Add(name, value);
}
