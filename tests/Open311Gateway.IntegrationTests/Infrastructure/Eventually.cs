namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>Waiting for what other processes do: the condition is asked every 200 ms until it holds or time is up.</summary>
public static class Eventually
{
    /// <summary>True once the condition held; false when <paramref name="timeout"/> passed first (the caller says what failed).</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }
        return false;
    }
}
