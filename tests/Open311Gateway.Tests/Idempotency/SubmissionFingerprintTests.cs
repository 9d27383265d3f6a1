using Open311Gateway.Api.Idempotency;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Tests.Idempotency;

/// <summary>"The same request" for an Idempotency-Key: the same resource and fields, however encoded.</summary>
public sealed class SubmissionFingerprintTests
{
    private const string Resource = "/open311/v2/requests.json";

    private static byte[] Of(string resource, params (string Name, string Value)[] fields)
    {
        var submitted = new SubmittedFields();
        foreach (var (name, value) in fields) submitted.Add(name, value);
        return SubmissionFingerprint.Of(resource, submitted);
    }

    [Fact]
    public void Field_order_and_the_api_key_do_not_matter() => Assert.Equal(
        Of(Resource, ("api_key", "o311_a_1"), ("service_code", "SCHLAGLOCH"), ("description", "Loch")),
        Of(Resource, ("description", "Loch"), ("service_code", "SCHLAGLOCH"), ("api_key", "o311_b_2")));

    [Fact]
    public void Another_value_another_resource_or_split_text_is_another_request()
    {
        var original = Of(Resource, ("description", "Loch"), ("address_string", "A"));
        Assert.NotEqual(original, Of(Resource, ("description", "Loch!"), ("address_string", "A")));
        Assert.NotEqual(original, Of("/open311/v2/requests.xml", ("description", "Loch"), ("address_string", "A")));
        Assert.NotEqual(Of(Resource, ("ab", "c")), Of(Resource, ("a", "bc")));
    }

    [Fact]
    public void The_order_of_a_fields_values_matters() => Assert.NotEqual(
        Of(Resource, ("media_url", "https://a.example/1"), ("media_url", "https://a.example/2")),
        Of(Resource, ("media_url", "https://a.example/2"), ("media_url", "https://a.example/1")));
}
