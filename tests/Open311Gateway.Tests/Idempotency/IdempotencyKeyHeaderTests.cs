using Microsoft.AspNetCore.Http;
using Open311Gateway.Api.Idempotency;

namespace Open311Gateway.Tests.Idempotency;

public sealed class IdempotencyKeyHeaderTests
{
    private static (string? Key, string? Error) Read(params string[] values)
    {
        var context = new DefaultHttpContext();
        if (values.Length > 0) context.Request.Headers[IdempotencyKeyHeader.Name] = values;
        return IdempotencyKeyHeader.Read(context.Request);
    }

    [Fact]
    public void A_bare_and_a_quoted_key_are_the_same_key()
    {
        Assert.Equal(("abc-123", null), Read("abc-123"));
        Assert.Equal(("abc-123", null), Read("\"abc-123\""));
        Assert.Equal((null, null), Read());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("ä")]
    [InlineData("a\u0001b")]
    [InlineData("a\"b")]
    public void A_key_that_is_not_printable_ascii_is_refused(string value) => Assert.NotNull(Read(value).Error);

    [Fact]
    public void A_key_of_255_characters_is_taken_and_one_of_256_refused()
    {
        Assert.Null(Read(new string('k', 255)).Error);
        Assert.NotNull(Read(new string('k', 256)).Error);
        Assert.Equal("Idempotency-Key was given 2 times; send it once.", Read("a", "b").Error);
    }
}
