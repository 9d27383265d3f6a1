namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>A <see cref="GatewayApp"/> whose photos go to a directory of its own, removed afterwards.</summary>
public class PhotoGatewayApp : GatewayApp, IAsyncLifetime
{
    public string PhotoDirectory { get; } = Path.Combine(Path.GetTempPath(), "open311-photos-" + Guid.NewGuid().ToString("N"));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Photos:Directory", PhotoDirectory)];

    /// <summary>Every file in the photo directory, temporary ones included.</summary>
    public string[] StoredFiles() => Directory.Exists(PhotoDirectory) ? Directory.GetFiles(PhotoDirectory).Select(f => Path.GetFileName(f)).Order().ToArray() : [];

    // Re-implemented, so that xunit's call reaches this one and then the base's.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PhotoDirectory)) Directory.Delete(PhotoDirectory, recursive: true);
    }
}
