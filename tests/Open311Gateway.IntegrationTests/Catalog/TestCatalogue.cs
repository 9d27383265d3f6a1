namespace Open311Gateway.IntegrationTests.Catalog;

/// <summary>The integration tests' small catalogue, and variants of it with one entry taken out.</summary>
internal static class TestCatalogue
{
    public static string Path { get; } = FindPath("tests/Open311Gateway.IntegrationTests/Catalog/TestCatalogs/zwei-gemeinden.yaml");

    public static string DemoPath { get; } = FindPath("deploy/catalog/musterstadt.yaml");

    public static string Yaml => File.ReadAllText(Path);

    public static string WithoutService(string code) => WithoutItem(Yaml, $"      - code: {code}");

    public static string WithoutJurisdiction(string id) => WithoutItem(Yaml, $"  - id: {id}");

    /// <summary>Removes the list item starting with <paramref name="firstLine"/> together with its more deeply indented lines.</summary>
    private static string WithoutItem(string yaml, string firstLine)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(line => line == firstLine);
        if (start < 0)
        {
            throw new ArgumentException($"'{firstLine}' is not a line of the test catalogue");
        }
        var indent = firstLine.IndexOf('-');
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || Indentation(lines[end]) > indent))
        {
            end++;
        }
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ').Length;

    private static string FindPath(string relativePath) => Infrastructure.RepositoryRoot.Combine(relativePath);
}
