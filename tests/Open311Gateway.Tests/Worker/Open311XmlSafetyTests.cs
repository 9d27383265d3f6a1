using System.Net;
using System.Net.Sockets;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Adapters.Http;
using Open311Gateway.Worker.Adapters.Open311;

namespace Open311Gateway.Tests.Worker;

/// <summary>An upstream's XML is read with DTDs prohibited and no resolver: a hostile answer can neither fetch nor expand anything.</summary>
public sealed class Open311XmlSafetyTests : IDisposable
{
    private readonly string _secretFile = Path.Combine(Path.GetTempPath(), "open311-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
    // A real listener on loopback: the entity's URL points here, and nothing may ever connect.
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public Open311XmlSafetyTests()
    {
        File.WriteAllText(_secretFile, "GEHEIM-aus-der-datei");
        _listener.Start();
    }

    private string EntityUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/exfiltrate";

    private string ExternalEntities(string root, string field) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE {root} [
          <!ENTITY file SYSTEM "file://{_secretFile}">
          <!ENTITY remote SYSTEM "{EntityUrl}">
        ]>
        <{root}><{(root == "errors" ? "error" : "request")}><{field}>&file;&remote;</{field}></{(root == "errors" ? "error" : "request")}></{root}>
        """;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE service_requests [
          <!ENTITY a "lolololololololololo">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
          <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
          <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
          <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
          <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
        ]>
        <service_requests><request><service_request_id>&h;</service_request_id></request></service_requests>
        """;

    private static async Task<AdapterResult> Forward(HttpStatusCode status, string xml)
    {
        var upstream = new StubUpstream((_, _) => StubUpstream.Xml(status, xml));
        await using var provider = Open311TestServices.Create(upstream);
        return await provider.Adapter().ForwardRequestAsync(Open311TestServices.Report(("format", "xml")), AttemptContext.First, CancellationToken.None);
    }

    [Fact]
    public async Task An_accepting_answer_with_external_entities_is_not_expanded_nothing_is_fetched_and_no_id_is_taken_from_it()
    {
        var result = await Forward(HttpStatusCode.OK, ExternalEntities("service_requests", "service_request_id"));

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Null(result.ExternalCaseId);
        Assert.Contains("DTD", result.Detail);
        Assert.DoesNotContain("GEHEIM", result.Detail);
        await Task.Delay(200);
        Assert.False(_listener.Pending(), "the parser connected to the entity's URL");
    }

    [Fact]
    public async Task An_error_answer_with_external_entities_is_rejected_without_their_content_in_the_detail()
    {
        var result = await Forward(HttpStatusCode.BadRequest, ExternalEntities("errors", "description"));

        Assert.Equal(DeliveryOutcome.Rejected, result.Outcome);
        Assert.DoesNotContain("GEHEIM", result.Detail);
        Assert.False(_listener.Pending(), "the parser connected to the entity's URL");
    }

    [Fact]
    public void Internal_entities_are_refused_too_so_a_billion_laughs_answer_costs_nothing()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var document = UpstreamDocument.Read(new HttpAnswer(200, BillionLaughs, "text/xml"));

        Assert.True(document.Unreadable);
        Assert.Contains("DTD", document.Problem);
        Assert.Empty(document.Items);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_poll_answer_with_a_dtd_fails_the_poll_instead_of_being_read()
    {
        var upstream = new StubUpstream((_, _) => StubUpstream.Xml(HttpStatusCode.OK, ExternalEntities("service_requests", "status_notes")));
        await using var provider = Open311TestServices.Create(upstream);

        var result = await provider.Poller().PollAsync(
            Open311TestServices.Poll([new() { ServiceRequestId = "4711", ExternalCaseId = "UP-1" }], "c-1", ("format", "xml")), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("DTD", result.Error);
        Assert.Equal("c-1", result.Cursor);
        Assert.False(_listener.Pending(), "the parser connected to the entity's URL");
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Dispose();
        File.Delete(_secretFile);
    }
}
