namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from, found by walking up to Open311Gateway.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Open311Gateway.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No Open311Gateway.sln above {AppContext.BaseDirectory}");
    }
}
