using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>One POST that reached the recording back office, exactly as it arrived.</summary>
public sealed record ReceivedDelivery(string IdempotencyKey, string Body, bool SignatureValid, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The body as JSON, with dates kept as the text that was sent.</summary>
    public JObject Json
    {
        get
        {
            using var reader = new JsonTextReader(new StringReader(Body)) { DateParseHandling = DateParseHandling.None };
            return JObject.Load(reader);
        }
    }
}
