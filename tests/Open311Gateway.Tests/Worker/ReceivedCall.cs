using System.Text.Json;

namespace Open311Gateway.Tests.Worker;

public sealed record ReceivedCall(HttpRequestMessage Request, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Header(string name) =>
        Request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new KeyNotFoundException(name);
}
