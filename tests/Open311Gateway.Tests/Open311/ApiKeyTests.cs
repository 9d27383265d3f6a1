using System.Security.Cryptography;
using System.Text;
using Open311Gateway.Api.ApiKeys;

namespace Open311Gateway.Tests.Open311;

public sealed class ApiKeyTests
{
    [Fact]
    public void A_random_key_reads_back_as_itself()
    {
        var key = ApiKey.CreateRandom();
        Assert.Matches("^o311_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key.ToString());
        Assert.True(ApiKey.TryParse(key.ToString(), out var parsed));
        Assert.Equal(key, parsed);
    }

    [Fact]
    public void Random_keys_differ() => Assert.NotEqual(ApiKey.CreateRandom(), ApiKey.CreateRandom());

    [Fact]
    public void The_key_id_ends_at_the_first_underscore_and_the_secret_may_contain_more()
    {
        Assert.True(ApiKey.TryParse("o311_ab12_geh_eim-_", out var key));
        Assert.Equal(new ApiKey("ab12", "geh_eim-_"), key);
    }

    [Fact]
    public void The_secret_hash_is_sha256_of_the_secret() =>
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes("geheim")), new ApiKey("ab12", "geheim").SecretHash());

    [Fact]
    public void A_key_id_of_32_characters_is_accepted() =>
        Assert.True(ApiKey.TryParse("o311_" + new string('a', 32) + "_x", out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("o311_")]
    [InlineData("o311_abc")]
    [InlineData("o311_abc_")]
    [InlineData("o311__geheim")]
    [InlineData("O311_abc_geheim")]
    [InlineData(" o311_abc_geheim")]
    [InlineData("x311_abc_geheim")]
    [InlineData("o311_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_x")]
    [InlineData("o311_ab\0cd_geheim")]
    [InlineData("o311_ab cd_geheim")]
    [InlineData("o311_ab'--_geheim")]
    [InlineData("o311_äb_geheim")]
    public void Malformed_keys_are_refused(string? text)
    {
        Assert.False(ApiKey.TryParse(text, out var key));
        Assert.Null(key);
    }
}
