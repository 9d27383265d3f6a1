using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Tests.Submissions;

/// <summary>The scanner that finds JSON lone surrogate escapes, which the parser would read as U+FFFD.</summary>
public sealed class JsonEscapeScannerTests
{
    [Theory]
    [InlineData("""{"a":"\ud800"}""")]
    [InlineData("""{"a":"\uDBFFx"}""")]
    [InlineData("""{"a":"\udc00"}""")]
    [InlineData("""{"a":"\ud800\n"}""")]
    [InlineData("""{"a":"\ud800\ud800"}""")]
    [InlineData("""{"a":"\ud800\u0041"}""")]
    [InlineData("""{"\ud800":"x"}""")]
    [InlineData("""/* " */ {"a":"\ud800"}""")]
    [InlineData("// \"\n{\"a\":\"\\ud800\"}")]
    public void A_lone_surrogate_escape_is_found(string json) => Assert.True(JsonEscapeScanner.HasLoneSurrogateEscape(json));

    [Theory]
    [InlineData("""{"a":"\ud83d\ude00"}""")]
    [InlineData("""{"a":"\\ud800"}""")]
    [InlineData("""{"a":"\u00e4\"ud800 as text\""}""")]
    [InlineData("""{"a":"😀 ü"}""")]
    [InlineData("""{"a":"x"} /* \ud800 */""")]
    public void Pairs_escaped_backslashes_and_plain_text_pass(string json) => Assert.False(JsonEscapeScanner.HasLoneSurrogateEscape(json));

    [Fact]
    public void A_pair_split_across_two_chunks_is_still_a_pair()
    {
        var scanner = new JsonEscapeScanner();
        scanner.Feed("""{"a":"\ud83d\u""");
        scanner.Feed("""de00"}""");
        Assert.False(scanner.Found);
    }
}
