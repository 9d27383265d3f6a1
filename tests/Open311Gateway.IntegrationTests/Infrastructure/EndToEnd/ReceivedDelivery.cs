using Newtonsoft.Json.Linq;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>One POST that reached the recording back office, exactly as it arrived.</summary>
public sealed record ReceivedDelivery(string IdempotencyKey, string Body, bool SignatureValid, IReadOnlyDictionary<string, string> Headers)
{
    public JObject Json => JObject.Parse(Body);
}
