using Open311Gateway.ServiceDefaults.Logging;

namespace Open311Gateway.Tests.ServiceDefaults;

public class LogRedactionTests
{
    [Theory]
    [InlineData("Request starting HTTP/1.1 GET http://gw/open311/v2/requests/1.json?api_key=o311_abc_def&email=a%40b.de - - -",
        "Request starting HTTP/1.1 GET http://gw/open311/v2/requests/1.json?[redacted] - - -")]
    [InlineData("?api_key=o311_abc_def", "?[redacted]")]
    [InlineData("GET /open311/v2/status-links/17/AbC-123_xyz answered 404", "GET /open311/v2/status-links/17/[redacted] answered 404")]
    [InlineData("Authorization: Bearer o311_k_secret", "Authorization: Bearer [redacted]")]
    [InlineData("body api_key=secret&service_code=X", "body api_key=[redacted]&service_code=X")]
    [InlineData("{\"api_key\": \"secret\"}", "{\"api_key\": \"[redacted]\"}")]
    [InlineData("key o311_5bd457d85e09_0B1uGrFLceHIcnpb revoked", "key o311_[redacted] revoked")]
    [InlineData("Mailbox erika.m+x@example.org unavailable", "Mailbox [e-mail] unavailable")]
    public void Removes_keys_tokens_query_strings_and_addresses(string line, string expected) =>
        Assert.Equal(expected, LogRedaction.Redact(line));

    [Theory]
    [InlineData("Delivery 0f8fad5b-d9cb-469f-a165-70867728950e attempt 2: Delivered, HTTP 200, case CASE-1.")]
    [InlineData("Mail <0f8fad5bd9cb469fa16570867728950e@gateway.example> may have been sent before")]
    [InlineData("Is the broker up? It answered 503.")]
    public void Leaves_lines_without_secrets_as_they_are(string line) => Assert.Equal(line, LogRedaction.Redact(line));
}
