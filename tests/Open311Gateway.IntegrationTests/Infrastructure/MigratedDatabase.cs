namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>A <see cref="TestDatabase"/> on the shared server as a class fixture, for tests that only need PostGIS.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();
}
