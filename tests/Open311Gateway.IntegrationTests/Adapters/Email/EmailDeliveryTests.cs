using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Open311Gateway.IntegrationTests.Infrastructure.Email;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.Adapters.Email;

/// <summary>POST → outbox → RabbitMQ → worker → SMTP server: what arrives, and how often.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailDeliveryTests(EmailDeliveryTestBed bed, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_posted_report_arrives_as_one_mail_with_every_field_its_map_link_and_its_status_links()
    {
        var id = await bed.PostReportAsync(
            ("description", "Tiefes Schlagloch vor Hausnummer 12 – Größe: ärgerlich"), ("address_string", "Hauptstraße 12, Teststadt"),
            ("email", "erika@example.org"), ("phone", "+49 30 1234567"), ("first_name", "Erika"), ("last_name", "Mustermann"),
            ("device_id", "gerät-7"), ("account_id", "konto-42"), ("media_url", "https://example.org/foto.jpg"), ("attribute[TIEFE_CM]", "12.5"));

        await WaitUntilDeliveredAsync(id, DeliveryKinds.Request);

        var mail = Assert.Single(bed.Smtp.Accepted, m => m.ServiceRequestId == id);
        Assert.Equal(EmailDeliveryTestBed.From, mail.EnvelopeFrom);
        Assert.Equal([EmailDeliveryTestBed.Recipient], mail.EnvelopeTo);
        Assert.Equal($"[Mängelmelder] Schlagloch – Meldung {id}", mail.Subject);
        Assert.Equal($"report-{id}.teststadt.de@{EmailDeliveryTestBed.MessageIdDomain}", mail.MessageId);
        Assert.Empty(mail.Message.ReplyTo);
        Assert.Equal(["text/plain", "text/html"], Assert.IsType<MimeKit.MultipartAlternative>(mail.Message.Body).Select(p => p.ContentType.MimeType));

        await using var db = bed.Api.Database.CreateDbContext();
        var stored = await db.ServiceRequests.SingleAsync(r => r.Id == long.Parse(id, CultureInfo.InvariantCulture));
        var requestedAt = TimeZoneInfo.ConvertTime(stored.RequestedAt, Open311Time.Zone("Europe/Berlin"))
            .ToString("dd.MM.yyyy, HH:mm 'Uhr'", CultureInfo.InvariantCulture);
        string[] expected =
        [
            "Tiefes Schlagloch vor Hausnummer 12 – Größe: ärgerlich", "Hauptstraße 12, Teststadt",
            "GROESSE", "klein", "TIEFE_CM", "12.5", "https://example.org/foto.jpg",
            "52.52, 13.405", "https://www.openstreetmap.org/?mlat=52.52&mlon=13.405#map=18/52.52/13.405",
            "Erika Mustermann", "erika@example.org", "+49 30 1234567", "gerät-7", "konto-42",
            requestedAt + " (Europe/Berlin",
            "In Bearbeitung", "Erledigt", "Nicht zuständig", "Kein Handlungsbedarf",
            $"{EmailDeliveryTestBed.StatusLinkBaseUrl}/status-links/{id}/{EmailDeliveryTestBed.CurrentKey.Id}.FIXED.",
        ];
        foreach (var text in expected) Assert.Contains(text, mail.Text);
        foreach (var text in expected) Assert.Contains(text.Replace("&", "&amp;", StringComparison.Ordinal), mail.Html);
        Assert.Null(stored.ExternalCaseId); // a mail opens no case with an id of its own
    }

    [Fact]
    public async Task A_citizens_follow_up_arrives_as_a_reply_in_the_reports_thread()
    {
        var id = await bed.PostReportAsync(("description", "Mit Nachtrag per Mail"));
        await WaitUntilDeliveredAsync(id, DeliveryKinds.Request);
        var report = Assert.Single(bed.Smtp.Accepted, m => m.ServiceRequestId == id);

        var post = await bed.Api.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", bed.Api.ApiKey), ("service_request_id", id), ("update_id", "fms-mail-" + id), ("status", "REOPEN"),
            ("description", "Das Loch ist größer geworden."), ("media_url", "https://example.org/nachher.jpg"),
            ("email", "erika@example.org"), ("first_name", "Erika"));
        await post.AssertStatusAsync(HttpStatusCode.OK);
        var updateId = (string)(await post.JsonAsync())[0]!["update_id"]!;
        await WaitUntilDeliveredAsync(id, DeliveryKinds.CitizenUpdate);

        var followUp = Assert.Single(bed.Smtp.Accepted, m => m.ServiceRequestId == id && m.MessageId != report.MessageId);
        Assert.Equal($"update-{updateId}.teststadt.de@{EmailDeliveryTestBed.MessageIdDomain}", followUp.MessageId);
        Assert.Equal(report.MessageId, followUp.Message.InReplyTo);
        Assert.Equal([report.MessageId!], followUp.Message.References);
        Assert.Equal("Re: " + report.Subject, followUp.Subject);
        foreach (var text in (string[])["Wieder öffnen (REOPEN)", "Das Loch ist größer geworden.", "https://example.org/nachher.jpg", "Erika", "erika@example.org"])
        {
            Assert.Contains(text, followUp.Text);
            Assert.Contains(text, followUp.Html);
        }
    }

    [Fact]
    public async Task Without_a_failure_each_report_is_sent_exactly_once()
    {
        var marker = "Genau einmal " + Guid.NewGuid();
        var ids = new List<string>();
        for (var i = 0; i < 10; i++) ids.Add(await bed.PostReportAsync(("description", $"{marker} #{i}")));

        foreach (var id in ids) await WaitUntilDeliveredAsync(id, DeliveryKinds.Request);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a late duplicate would show up by now

        var mails = bed.Smtp.Tried.Where(m => m.Text.Contains(marker, StringComparison.Ordinal)).ToList();
        output.WriteLine($"{ids.Count} reports, {mails.Count} mails on the wire, {mails.Select(m => m.MessageId).Distinct().Count()} distinct Message-IDs");
        Assert.Equal(ids.Count, mails.Count);
        Assert.Equal(ids.Order(), mails.Select(m => m.ServiceRequestId!).Order());
        Assert.Equal(ids.Count, mails.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task The_same_message_sent_twice_sends_a_second_mail_with_the_same_message_id_and_changes_nothing()
    {
        var id = await bed.PostReportAsync(("description", "Doppelt gesendet per Mail"));
        await WaitUntilDeliveredAsync(id, DeliveryKinds.Request);
        var before = await DeliveryOfAsync(id, DeliveryKinds.Request);

        // As after a crash between the broker's confirm and the API's commit: the outbox row goes out again.
        await OutboxRepeat.SendReportAgainAsync(bed.Api, id);

        var messageId = $"report-{id}.teststadt.de@{EmailDeliveryTestBed.MessageIdDomain}";
        await bed.WaitForMailAsync(() => bed.Smtp.AcceptedWithId(messageId).Count >= 2, Patience, "the repeat reached the SMTP server");
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the repeat's outcome arrive too

        // SMTP cannot be asked whether it has a mail already: the repeat is a second mail, recognisable by its Message-ID.
        var copies = bed.Smtp.AcceptedWithId(messageId);
        output.WriteLine($"re-sent outbox row: {copies.Count} mails with Message-ID <{messageId}>, subjects identical: {copies.Select(c => c.Subject).Distinct().Count() == 1}");
        Assert.Equal(2, copies.Count);
        Assert.Equal(copies[0].Text, copies[1].Text);
        var after = await DeliveryOfAsync(id, DeliveryKinds.Request);
        Assert.Equal(DeliveryStates.Delivered, after.State);
        Assert.Equal(before.Attempts, after.Attempts);
        Assert.Equal(before.DeliveredAt, after.DeliveredAt);
    }

    [Fact]
    public async Task A_mail_the_server_refuses_for_good_rejects_the_report_after_one_attempt_with_the_servers_reason()
    {
        var marker = "Bitte per Mail ablehnen " + Guid.NewGuid();
        bed.Smtp.AnswerWhenTextContains(marker, 554, "5.7.1 Nachricht als Spam abgelehnt");
        var id = await bed.PostReportAsync(("description", marker));

        await bed.WaitUntilAsync(async () => (await DeliveryOfAsync(id, DeliveryKinds.Request)).State == DeliveryStates.Rejected, Patience, $"report {id} is rejected");

        var delivery = await DeliveryOfAsync(id, DeliveryKinds.Request);
        Assert.Equal(1, delivery.Attempts);
        Assert.Contains("554", delivery.LastError);
        Assert.Contains("Nachricht als Spam abgelehnt", delivery.LastError);
        Assert.Single(bed.Smtp.Tried, m => m.ServiceRequestId == id);
        Assert.DoesNotContain(bed.Smtp.Accepted, m => m.ServiceRequestId == id);
        var notes = (string?)(await (await bed.Api.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!["status_notes"];
        Assert.Equal("Die Meldung wurde vom Fachverfahren der Kommune nicht angenommen.", notes);
    }

    private async Task WaitUntilDeliveredAsync(string id, string kind) =>
        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Any(d =>
            d.ServiceRequestId == long.Parse(id, CultureInfo.InvariantCulture) && d.Kind == kind && d.State == DeliveryStates.Delivered),
            Patience, $"the {kind} of report {id} is delivered");

    private async Task<Delivery> DeliveryOfAsync(string id, string kind) =>
        (await bed.DeliveriesAsync()).Single(d => d.ServiceRequestId == long.Parse(id, CultureInfo.InvariantCulture) && d.Kind == kind);
}
