namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>The webhook path of <see cref="DeliveryTestBed"/>, with the API's photos in a directory of its own.</summary>
public sealed class PhotoDeliveryTestBed : DeliveryTestBed
{
    public string PhotoDirectory { get; } = Path.Combine(Path.GetTempPath(), "open311-photos-" + Guid.NewGuid().ToString("N"));

    protected override IEnumerable<KeyValuePair<string, string?>> ApiSettings => [new("Photos:Directory", PhotoDirectory)];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PhotoDirectory)) Directory.Delete(PhotoDirectory, recursive: true);
    }
}
