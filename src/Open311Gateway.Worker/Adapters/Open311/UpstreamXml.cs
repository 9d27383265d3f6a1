using System.Xml;
using System.Xml.Linq;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// Reads a GeoReport v2 XML answer (a root with one child element per list element) with DTDs prohibited and no resolver:
/// an upstream's answer can declare no entity, so nothing is fetched from elsewhere (XXE) or blown up in memory.
/// </summary>
internal static class UpstreamXml
{
    private const int MaxNesting = 3;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <exception cref="XmlException">Not XML, or XML with a DTD.</exception>
    public static IReadOnlyList<UpstreamItem> Read(string body)
    {
        using var reader = XmlReader.Create(new StringReader(body), Settings);
        var root = XDocument.Load(reader).Root;
        if (root is null) return [];
        var children = root.Elements().ToList();
        // <service_requests><request>…</request></service_requests>; a root of plain fields is a single element.
        var elements = children.Count > 0 && children.All(c => !c.HasElements) ? [root] : children.Where(c => c.HasElements);
        return elements.Select(e =>
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(e, "", fields, 0);
            return new UpstreamItem(fields);
        }).ToList();
    }

    private static void Flatten(XElement element, string prefix, Dictionary<string, string> fields, int depth)
    {
        foreach (var child in element.Elements())
        {
            var name = prefix + child.Name.LocalName;
            if (!child.HasElements) fields.TryAdd(name, child.Value);
            else if (depth < MaxNesting) Flatten(child, name + ".", fields, depth + 1);
        }
    }
}
