namespace Open311Gateway.Api.Open311;

/// <summary>A whole answer: its XML root element and its content. JSON drops the root, as the standard says.</summary>
public sealed record Open311Document(string RootName, object Content)
{
    /// <summary>A list answer: <c>&lt;root&gt;&lt;item/&gt;…&lt;/root&gt;</c> in XML, a bare array in JSON.</summary>
    public static Open311Document List(string rootName, string itemName, IEnumerable<object?> items) =>
        new(rootName, new Open311List(itemName, items.ToList()));

    public static Open311Document Errors(IEnumerable<Open311Error> errors) =>
        List("errors", "error", errors.Select(e => (object?)new Open311Object()
            .Add("code", e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("description", e.Description)));
}
