using Microsoft.Extensions.Options;

namespace Open311Gateway.IntegrationTests.Infrastructure.Email;

/// <summary>Options that never change, for building an API component (a link signer with an old key) outside the host.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
