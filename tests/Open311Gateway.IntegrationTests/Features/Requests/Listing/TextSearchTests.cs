using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.Features.Requests.Listing.ListingCalls;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary><c>q</c>: German full-text search over description and address. Each test searches words of its own.</summary>
public sealed class TextSearchTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static readonly DateTimeOffset Recently = DateTimeOffset.UtcNow.AddDays(-2);

    private Task<Open311Gateway.Api.Data.Entities.ServiceRequest> Report(string? description, string? address = null, Action<Open311Gateway.Api.Data.Entities.ServiceRequest>? change = null) =>
        Rows.InsertAsync(app, Recently, r =>
        {
            r.Description = description;
            r.AddressString = address;
            change?.Invoke(r);
        });

    [Fact]
    public async Task Words_are_found_in_any_german_form()
    {
        var one = await Report("Die Laterne vor dem Eiscafé flackert");
        var many = await Report("Alle Laternen im Eiscaféviertel sind dunkel");
        await Report("Der Gully vor dem Eiscafé ist verstopft");
        Assert.Equal([Id(many.Id), Id(one.Id)], await app.IdsAsync("?q=Laternen"));
        Assert.Equal([Id(many.Id), Id(one.Id)], await app.IdsAsync("?q=laterne"));
    }

    [Fact]
    public async Task The_address_is_searched_too_and_every_word_must_match()
    {
        var both = await Report("Glasscherben auf dem Radweg", "Kastanienallee 7");
        await Report("Glasscherben am Spielplatz", "Ulmenweg 2");
        Assert.Equal([Id(both.Id)], await app.IdsAsync("?q=Kastanienallee"));
        Assert.Equal([Id(both.Id)], await app.IdsAsync("?q=Glasscherben%20Kastanienallee"));
    }

    [Fact]
    public async Task Search_syntax_of_web_search_engines_works_and_nothing_in_q_is_an_error()
    {
        var bench = await Report("Parkbank am Teich beschmiert");
        var pond = await Report("Müll im Teich beim Schwanenhaus");
        Assert.Equal([Id(pond.Id)], await app.IdsAsync("?q=Teich%20-Parkbank"));
        Assert.Equal([Id(bench.Id)], await app.IdsAsync("?q=%22Parkbank%20am%20Teich%22"));
        Assert.Equal([Id(pond.Id), Id(bench.Id)], await app.IdsAsync("?q=Parkbank%20or%20Schwanenhaus"));
        Assert.Empty(await app.IdsAsync("?q=der%20die%20das"));
        Assert.Empty(await app.IdsAsync("?q=%27%26%7C!():*%3C-%3E"));
    }

    [Fact]
    public async Task A_search_combines_with_the_standard_filters_and_never_finds_blackbox_reports()
    {
        var open = await Report("Wackelnder Poller an der Ecke");
        await Report("Wackelnder Poller am Rathaus", change: r => { r.Status = "closed"; r.ExtendedStatus = "FIXED"; });
        await Rows.InsertAsync(app, Recently, r => r.Description = "Wackelnder Poller, ein Hinweis", serviceCode: "HINWEIS");
        Assert.Equal([Id(open.Id)], await app.IdsAsync("?q=Poller&status=open"));
        Assert.Equal(2, (await app.IdsAsync("?q=Poller")).Count);
    }

    [Fact]
    public async Task A_search_without_paging_keeps_the_90_day_window()
    {
        await Rows.InsertAsync(app, DateTimeOffset.UtcNow.AddDays(-100), r => r.Description = "Verbogenes Verkehrsschild Zonenrand");
        Assert.Empty(await app.IdsAsync("?q=Zonenrand"));
        Assert.Single(await app.IdsAsync("?q=Zonenrand&page=1"));
    }

    [Fact]
    public async Task A_search_longer_than_200_characters_answers_400() =>
        Assert.Equal(["q is longer than 200 characters."], await app.BadRequestAsync("?q=" + new string('a', 201)));
}
