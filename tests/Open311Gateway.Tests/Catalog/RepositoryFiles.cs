namespace Open311Gateway.Tests.Catalog;

/// <summary>Files of the checkout itself (such as the demo catalogue), found from the test binaries upwards.</summary>
internal static class RepositoryFiles
{
    public static string PathOf(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Open311Gateway.sln")))
            {
                return Path.Combine(directory.FullName, relativePath);
            }
        }
        throw new InvalidOperationException($"No Open311Gateway.sln above {AppContext.BaseDirectory}");
    }
}
