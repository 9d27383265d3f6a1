using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Idempotency;
using Open311Gateway.Api.Submissions;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Idempotency;

/// <summary>
/// A client app that lost our answer retries with the same Idempotency-Key and gets the original answer; nothing is
/// stored twice, across API processes, in parallel, and after a process died holding the key.
/// </summary>
public sealed class IdempotencyKeyTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static int _next;

    private static string NewKey() => $"key-{Guid.NewGuid()}";

    private static string Unique(string text) => $"{text} #{Interlocked.Increment(ref _next)}";

    private (string, string)[] Report(string description, params (string, string)[] extra) =>
        HttpHelpers.Pothole(app.ApiKey, [("description", description), .. extra]);

    private static HttpRequestMessage Post(string path, string? key, params (string Name, string Value)[] fields)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, HttpHelpers.Base + path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        if (key is not null) message.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, key);
        return message;
    }

    private async Task<int> ReportsWithAsync(string description)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.ServiceRequests.CountAsync(r => r.Description == description);
    }

    private async Task<IdempotencyRecord?> RecordAsync(string key)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key);
    }

    [Fact]
    public async Task A_repeat_with_the_same_key_and_body_answers_the_original_answer_and_stores_nothing()
    {
        var (key, description) = (NewKey(), Unique("Wiederholt"));

        var first = await app.Client.SendAsync(Post("requests.xml", key, Report(description)));
        var again = await app.Client.SendAsync(Post("requests.xml", key, Report(description)));

        var firstBody = await Open311Assert.Answer(first, HttpStatusCode.OK, Open311Assert.Xml);
        Assert.Equal(firstBody, await Open311Assert.Answer(again, HttpStatusCode.OK, Open311Assert.Xml));
        Assert.Contains("<service_request_id>", firstBody, StringComparison.Ordinal);
        Assert.False(first.Headers.Contains(StoredAnswerResult.ReplayedHeader));
        Assert.Equal(["true"], again.Headers.GetValues(StoredAnswerResult.ReplayedHeader));
        Assert.Equal(1, await ReportsWithAsync(description));
    }

    [Fact]
    public async Task Without_the_header_a_repeat_is_a_new_report_as_before()
    {
        var description = Unique("Ohne Schlüssel");
        await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", null, Report(description))));
        await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", null, Report(description))));
        Assert.Equal(2, await ReportsWithAsync(description));
    }

    [Fact]
    public async Task The_same_fields_in_another_encoding_or_order_are_the_same_request()
    {
        var (key, description) = (NewKey(), Unique("Andere Kodierung"));
        var first = await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", key, Report(description))));

        var json = new HttpRequestMessage(HttpMethod.Post, HttpHelpers.Base + "requests.json")
        {
            Content = new StringContent($$"""{"description":"{{description}}","attribute":{"GROESSE":"klein"},"long":"13.4050","lat":"52.5200","service_code":"SCHLAGLOCH","api_key":"{{app.ApiKey}}"}""",
                Encoding.UTF8, "application/json"),
        };
        json.Headers.Add(IdempotencyKeyHeader.Name, $"\"{key}\"");

        Assert.Equal(first.ToString(), (await Open311Assert.JsonAnswer(await app.Client.SendAsync(json))).ToString());
        Assert.Equal(1, await ReportsWithAsync(description));
    }

    [Theory]
    [InlineData("requests.json")]
    [InlineData("requests.xml")]
    public async Task The_same_key_with_a_different_body_or_resource_answers_422_and_stores_nothing(string secondPath)
    {
        var (key, description) = (NewKey(), Unique("Erster"));
        await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", key, Report(description))));
        var other = secondPath == "requests.json" ? Unique("Anderer Text") : description;

        var response = await app.Client.SendAsync(Post(secondPath, key, Report(other)));

        var expected = $"This Idempotency-Key was used for a different request; send a new key with a new request.";
        var errors = secondPath.EndsWith(".xml", StringComparison.Ordinal)
            ? await Open311Assert.XmlErrors(response, HttpStatusCode.UnprocessableEntity)
            : await Open311Assert.JsonErrors(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([expected], errors);
        Assert.Equal(1, await ReportsWithAsync(description));
        if (other != description) Assert.Equal(0, await ReportsWithAsync(other));
    }

    [Fact]
    public async Task A_refused_post_leaves_the_key_free_for_the_corrected_request()
    {
        var (key, description) = (NewKey(), Unique("Korrigiert"));

        var refused = await app.Client.SendAsync(Post("requests.json", key, ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("description", description)));
        Assert.NotEmpty(await Open311Assert.JsonErrors(refused, HttpStatusCode.BadRequest));
        Assert.Null(await RecordAsync(key));

        await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", key, Report(description))));
        Assert.Equal(1, await ReportsWithAsync(description));
        Assert.Equal(200, (await RecordAsync(key))!.ResponseStatus);
    }

    [Fact]
    public async Task A_repeat_while_the_first_is_in_flight_answers_409_and_a_dead_processs_key_is_free_after_its_lease()
    {
        var (key, description) = (NewKey(), Unique("In Arbeit"));
        var fields = Report(description);
        await using (var db = app.Database.CreateDbContext())
        {
            // A claim as ClaimAsync writes it for this request, by a process that is still running it.
            db.IdempotencyKeys.Add(new IdempotencyRecord
            {
                ApiClientId = (await db.ApiClients.SingleAsync(c => c.Name == "Testclient")).Id, Key = key,
                Fingerprint = FingerprintOf("/open311/v2/requests.json", fields), LeaseToken = Guid.NewGuid(),
                LeaseUntil = DateTimeOffset.UtcNow.AddSeconds(60), CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(24),
            });
            await db.SaveChangesAsync();
        }

        var busy = await app.Client.SendAsync(Post("requests.json", key, fields));
        Assert.Single(await Open311Assert.JsonErrors(busy, HttpStatusCode.Conflict));
        Assert.Equal("1", busy.Headers.RetryAfter?.ToString());
        Assert.Equal(0, await ReportsWithAsync(description));

        // The process died: nothing of its POST was committed, and once its lease has run out the retry runs.
        await using (var db = app.Database.CreateDbContext())
            await db.IdempotencyKeys.Where(r => r.Key == key).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, DateTimeOffset.UtcNow.AddSeconds(-1)));
        var retried = await app.Client.SendAsync(Post("requests.json", key, fields));
        await Open311Assert.JsonAnswer(retried);
        Assert.Equal(1, await ReportsWithAsync(description));
        Assert.Equal(200, (await RecordAsync(key))!.ResponseStatus);
    }

    [Fact]
    public async Task Two_parallel_identical_posts_with_one_key_store_one_report_and_answer_one_2xx_and_one_409_or_the_same_2xx_twice()
    {
        for (var round = 0; round < 5; round++)
        {
            var (key, description) = (NewKey(), Unique("Parallel"));
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => app.Client.SendAsync(Post("requests.json", key, Report(description))))));

            var statuses = answers.Select(a => (int)a.StatusCode).Order().ToList();
            Assert.True(statuses.SequenceEqual([200, 409]) || statuses.SequenceEqual([200, 200]), string.Join(",", statuses));
            if (statuses[1] == 200)
                Assert.Equal(await answers[0].Content.ReadAsStringAsync(), await answers[1].Content.ReadAsStringAsync());
            Assert.Equal(1, await ReportsWithAsync(description));
        }
    }

    [Fact]
    public async Task A_repeat_sent_to_another_api_process_gets_the_original_answer()
    {
        var (key, description) = (NewKey(), Unique("Zweiter Prozess"));
        var first = await Open311Assert.Answer(await app.Client.SendAsync(Post("requests.json", key, Report(description))), HttpStatusCode.OK, Open311Assert.Json);

        await using var other = app.CreateHost([]);
        var again = await other.CreateClient().SendAsync(Post("requests.json", key, Report(description)));

        Assert.Equal(first, await Open311Assert.Answer(again, HttpStatusCode.OK, Open311Assert.Json));
        Assert.Equal(1, await ReportsWithAsync(description));
    }

    [Fact]
    public async Task The_key_is_scoped_to_the_api_key()
    {
        var (key, description) = (NewKey(), Unique("Zwei Apps"));
        string otherKey;
        await using (var scope = app.Services.CreateAsyncScope())
            (_, otherKey) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Andere App", CancellationToken.None);

        await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", key, Report(description))));
        await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", key, HttpHelpers.Pothole(otherKey, ("description", description)))));

        Assert.Equal(2, await ReportsWithAsync(description));
    }

    [Theory]
    [InlineData(256, "")]
    [InlineData(0, "Schlüssel-ä")]
    [InlineData(0, "tab\there")]
    [InlineData(0, "\"\"")]
    public async Task A_bad_header_answers_400_and_stores_nothing(int length, string text)
    {
        var description = Unique("Schlechter Schlüssel");
        var key = length > 0 ? new string('k', length) : text;

        var response = await app.Client.SendAsync(Post("requests.json", key, Report(description)));

        Assert.Equal(["Idempotency-Key must be 1 to 255 printable ASCII characters, such as a UUID."],
            await Open311Assert.JsonErrors(response, HttpStatusCode.BadRequest));
        Assert.Equal(0, await ReportsWithAsync(description));
    }

    [Fact]
    public async Task A_header_given_twice_answers_400()
    {
        var description = Unique("Zweimal");
        var message = Post("requests.json", "eins", Report(description));
        message.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, "zwei");

        var response = await app.Client.SendAsync(message);

        Assert.Equal(["Idempotency-Key was given 2 times; send it once."], await Open311Assert.JsonErrors(response, HttpStatusCode.BadRequest));
        Assert.Equal(0, await ReportsWithAsync(description));
    }

    [Fact]
    public async Task A_follow_up_repeated_with_its_key_is_answered_once_and_another_body_answers_422()
    {
        var id = await app.PostReportAsync();
        var key = NewKey();
        (string, string)[] FollowUp(string updateId) =>
            [("api_key", app.ApiKey), ("service_request_id", id), ("update_id", updateId), ("description", "Noch da")];

        var first = await app.Client.SendAsync(Post("servicerequestupdates.json", key, FollowUp("FMS-IK-1")));
        var again = await app.Client.SendAsync(Post("servicerequestupdates.json", key, FollowUp("FMS-IK-1")));
        var other = await app.Client.SendAsync(Post("servicerequestupdates.json", key, FollowUp("FMS-IK-2")));

        Assert.Equal(await Open311Assert.Answer(first, HttpStatusCode.OK, Open311Assert.Json), await Open311Assert.Answer(again, HttpStatusCode.OK, Open311Assert.Json));
        Assert.True(again.Headers.Contains(StoredAnswerResult.ReplayedHeader));
        Assert.Single(await Open311Assert.JsonErrors(other, HttpStatusCode.UnprocessableEntity));
        Assert.Equal("FMS-IK-1", Assert.Single(await app.UpdatesOfAsync(id)).SenderUpdateId);
    }

    [Fact]
    public async Task Expired_keys_are_pruned_and_an_expired_key_not_yet_pruned_is_free_again()
    {
        var (key, description) = (NewKey(), Unique("Abgelaufen"));
        await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", key, Report(description))));
        await using (var db = app.Database.CreateDbContext())
            await db.IdempotencyKeys.Where(r => r.Key == key).ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));

        var later = Unique("Neuer Bericht, alter Schlüssel");
        await Open311Assert.JsonAnswer(await app.Client.SendAsync(Post("requests.json", key, Report(later))));
        Assert.Equal(1, await ReportsWithAsync(later));

        await using (var db = app.Database.CreateDbContext())
            await db.IdempotencyKeys.Where(r => r.Key == key).ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PruneAsync(CancellationToken.None) >= 1);
        Assert.Null(await RecordAsync(key));
    }

    [Fact]
    public async Task A_post_that_lost_its_lease_to_another_process_cannot_store_its_answer()
    {
        var key = NewKey();
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore>();
        long clientId;
        await using (var db = app.Database.CreateDbContext())
            clientId = (await db.ApiClients.SingleAsync(c => c.Name == "Testclient")).Id;

        var claim = await store.ClaimAsync(clientId, key, [1, 2, 3], CancellationToken.None);
        Assert.Equal(IdempotencyVerdict.Claimed, claim.Verdict);
        Assert.Equal(IdempotencyVerdict.InFlight, (await store.ClaimAsync(clientId, key, [1, 2, 3], CancellationToken.None)).Verdict);
        // Its lease ran out and another process took the key over (a new token).
        await using (var db = app.Database.CreateDbContext())
            await db.IdempotencyKeys.Where(r => r.Key == key).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseToken, Guid.NewGuid()));

        await Assert.ThrowsAsync<IdempotencyLeaseLostException>(() => store.CompleteAsync(claim.Lease!, 200, "application/json", [], CancellationToken.None));
        Assert.Null((await RecordAsync(key))!.ResponseStatus);
    }

    [Theory]
    [InlineData("KeepHours", "0")]
    [InlineData("LeaseSeconds", "-1")]
    public void A_bad_setting_stops_the_api_at_start_with_a_clear_message(string setting, string value)
    {
        using var host = app.CreateHost([new($"Open311:Idempotency:{setting}", value)]);
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains("Open311:Idempotency: KeepHours and LeaseSeconds must be positive", error.ToString(), StringComparison.Ordinal);
    }

    private static byte[] FingerprintOf(string resource, (string Name, string Value)[] fields)
    {
        var submitted = new SubmittedFields();
        foreach (var (name, value) in fields) submitted.Add(name, value);
        return SubmissionFingerprint.Of(resource, submitted);
    }
}
