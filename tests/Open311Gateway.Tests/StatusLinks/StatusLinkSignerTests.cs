using Microsoft.Extensions.Options;
using Open311Gateway.Api.StatusLinks;

namespace Open311Gateway.Tests.StatusLinks;

public class StatusLinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly StatusLinkKey Current = new() { Id = "k2", Secret = new string('a', 40) };
    private static readonly StatusLinkKey Old = new() { Id = "k1", Secret = new string('b', 40), AcceptUntil = Now.AddDays(7) };

    private static StatusLinkSigner Signer(params StatusLinkKey[] keys) =>
        new(new StaticOptions(new StatusLinkOptions { Keys = keys.ToList() }));

    [Fact]
    public void A_token_is_valid_for_its_report_and_carries_its_status_and_expiry()
    {
        var signer = Signer(Current);
        var token = signer.Sign(4711, "FIXED", Now.AddDays(30));

        var check = signer.Check(4711, token, Now);

        Assert.Equal(StatusLinkVerdict.Valid, check.Verdict);
        Assert.Equal("FIXED", check.Status);
        Assert.Equal(Now.AddDays(30), check.ExpiresAt);
        Assert.StartsWith("k2.FIXED.", token);
    }

    [Fact]
    public void The_same_report_status_and_expiry_give_the_same_token_so_a_resent_mail_carries_the_same_links() =>
        Assert.Equal(Signer(Current).Sign(1, "IN_PROGRESS", Now), Signer(Current).Sign(1, "IN_PROGRESS", Now));

    [Fact]
    public void A_token_used_for_another_report_is_invalid()
    {
        var signer = Signer(Current);
        Assert.Equal(StatusLinkVerdict.Invalid, signer.Check(4712, signer.Sign(4711, "FIXED", Now.AddDays(1)), Now).Verdict);
    }

    [Theory]
    [InlineData("k2.CLOSED")] // another status under the same MAC
    [InlineData("k9.FIXED")]  // an unknown key
    public void A_token_whose_status_or_key_was_changed_is_invalid(string prefix)
    {
        var signer = Signer(Current);
        var token = signer.Sign(4711, "FIXED", Now.AddDays(1));
        var tampered = prefix + token[token.IndexOf('.', 3)..];

        Assert.Equal(StatusLinkVerdict.Invalid, signer.Check(4711, tampered, Now).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("k2.FIXED.notanumber.mac")]
    [InlineData("k2.FIXED.123")]
    public void Garbage_is_invalid(string token) => Assert.Equal(StatusLinkVerdict.Invalid, Signer(Current).Check(1, token, Now).Verdict);

    [Fact]
    public void A_token_past_its_expiry_is_expired()
    {
        var signer = Signer(Current);
        Assert.Equal(StatusLinkVerdict.Expired, signer.Check(1, signer.Sign(1, "FIXED", Now.AddSeconds(-1)), Now).Verdict);
    }

    [Fact]
    public void After_a_rotation_links_of_the_old_key_work_until_its_grace_period_ends_and_new_links_use_the_new_key()
    {
        var oldToken = Signer(Old).Sign(1, "FIXED", Now.AddDays(30));
        var rotated = Signer(Current, Old);

        Assert.Equal(StatusLinkVerdict.Valid, rotated.Check(1, oldToken, Now).Verdict);
        Assert.Equal(StatusLinkVerdict.Expired, rotated.Check(1, oldToken, Now.AddDays(8)).Verdict);
        Assert.StartsWith("k2.", rotated.Sign(1, "FIXED", Now.AddDays(30)));
        Assert.Equal(StatusLinkVerdict.Invalid, Signer(Current).Check(1, oldToken, Now).Verdict);
    }

    private sealed class StaticOptions(StatusLinkOptions value) : IOptionsMonitor<StatusLinkOptions>
    {
        public StatusLinkOptions CurrentValue => value;
        public StatusLinkOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<StatusLinkOptions, string?> listener) => null;
    }
}
