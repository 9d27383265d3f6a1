using Open311Gateway.Api.Cli;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Moderation;

namespace Open311Gateway.IntegrationTests.Cli;

/// <summary><c>release-report</c> and <c>hide-report</c>: an operator moderates any jurisdiction's report by id.</summary>
public sealed class ModerationCommandTests(HeldReportsApp app) : IClassFixture<HeldReportsApp>
{
    [Fact]
    public async Task Release_report_publishes_a_held_report_and_says_so_and_a_second_run_changes_nothing()
    {
        var id = await app.PostReportAsync();

        Assert.Equal((0, $"Report {id} released."), await RunAsync("release-report", id));
        var released = await app.RequestRowAsync(id);
        Assert.Equal((0, $"Report {id} was released already; nothing changed."), await RunAsync("release-report", id));

        Assert.Equal(ModerationStates.Published, released.Moderation);
        Assert.Equal(released.PublicChangedAt, (await app.RequestRowAsync(id)).PublicChangedAt);
        await (await app.Client.GetOpen311Async($"requests/{id}.json")).AssertStatusAsync(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hide_report_takes_a_report_from_public_view()
    {
        var id = await app.PostReportAsync();
        await RunAsync("release-report", id);

        Assert.Equal((0, $"Report {id} hidden."), await RunAsync("hide-report", id));

        Assert.Equal(ModerationStates.Hidden, (await app.RequestRowAsync(id)).Moderation);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Client.GetOpen311Async($"requests/{id}.json")).StatusCode);
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("elf")]
    public async Task An_unknown_id_fails_with_one_line(string id) =>
        Assert.Equal((1, $"No report with id {id}."), await RunAsync("hide-report", id));

    [Fact]
    public async Task Releasing_a_private_report_warns_that_the_public_still_does_not_see_it()
    {
        var row = await Rows.InsertAsync(app, DateTimeOffset.UtcNow.AddHours(-1), r => (r.IsPrivate, r.Moderation) = (true, ModerationStates.Held));

        var (code, text) = await RunAsync("release-report", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((0, $"Report {row.Id} released. Its service is private or blackbox, so the public still does not see it."), (code, text));
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await OperatorCommands.RunAsync(app.Services, args, output, CancellationToken.None);
        return (code, output.ToString().TrimEnd());
    }
}
