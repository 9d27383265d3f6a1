namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>A <see cref="PhotoGatewayApp"/> that lets every Host through but is told its public URL (ADR 17).</summary>
public sealed class PublicUrlApp : PhotoGatewayApp
{
    public const string PublicUrl = "https://open311.teststadt.example/open311/v2";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("AllowedHosts", "*"), new("Open311:PublicUrl", PublicUrl)];
}
