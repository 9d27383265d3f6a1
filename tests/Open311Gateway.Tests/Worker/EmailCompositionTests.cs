using MimeKit;
using Open311Gateway.Worker.Adapters.Email;

namespace Open311Gateway.Tests.Worker;

public class EmailCompositionTests
{
    private static readonly MailboxAddress To = MailboxAddress.Parse(EmailSamples.Recipient);
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 31, 0, TimeSpan.Zero);

    private static MimeMessage Report(string language = "de") => EmailComposer.Report(EmailSamples.Report(language), EmailSamples.Options(), To, Now);

    [Fact]
    public void A_report_mail_names_the_service_and_our_id_in_the_subject_and_goes_from_the_gateway_to_the_routes_address()
    {
        var mail = Report();

        Assert.Equal("[Mängelmelder] Schlagloch / Straßenschaden – Meldung 4711", mail.Subject);
        Assert.Equal(EmailSamples.From, Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("Mängelmelder Musterstadt", mail.From.Mailboxes.Single().Name);
        Assert.Equal(EmailSamples.Recipient, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("report-4711.musterstadt.de@gateway.musterstadt.example", mail.MessageId);
        Assert.Equal("4711", mail.Headers[EmailComposer.ServiceRequestIdHeader]);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Equal("de", mail.Headers[HeaderId.ContentLanguage]);
    }

    [Theory]
    [InlineData("de", "Ostwert, Nordwert (EPSG:25832): 405577.31, 5757743.76")]
    [InlineData("en", "Easting, northing (EPSG:25832): 405577.31, 5757743.76")]
    public void Easting_and_northing_follow_the_coordinates_when_the_message_has_them(string language, string line)
    {
        Assert.Contains(line, Report(language).TextBody);
        Assert.Contains(line.Split(':')[0], Report(language).HtmlBody);
        var withoutGrid = EmailComposer.Report(EmailSamples.Report(language) with { ProjectedCrs = null, Easting = null, Northing = null },
            EmailSamples.Options(), To, Now);
        Assert.DoesNotContain(line.Split(' ')[0], withoutGrid.TextBody);
    }

    [Fact]
    public void Replies_go_to_the_gateway_not_to_the_citizen()
    {
        var mail = Report();

        Assert.Empty(mail.ReplyTo);
        Assert.DoesNotContain(mail.From.Mailboxes, m => m.Address == EmailSamples.Report().Email);
    }

    [Fact]
    public void Every_attempt_of_a_report_carries_the_same_message_id_and_the_same_text()
    {
        var first = EmailComposer.Report(EmailSamples.Report() with { Attempt = 1 }, EmailSamples.Options(), To, Now);
        var later = EmailComposer.Report(EmailSamples.Report() with { Attempt = 7, DeliveryId = Guid.NewGuid() }, EmailSamples.Options(), To, Now.AddHours(6));

        Assert.Equal(first.MessageId, later.MessageId);
        Assert.Equal(first.TextBody, later.TextBody);
        Assert.Equal(first.HtmlBody, later.HtmlBody);
    }

    [Fact]
    public void The_message_id_domain_is_the_from_domain_unless_configured()
    {
        var configured = EmailComposer.Report(EmailSamples.Report(), EmailSamples.Options("mail.open311.example"), To, Now);

        Assert.Equal("report-4711.musterstadt.de@mail.open311.example", configured.MessageId);
        Assert.EndsWith("@gateway.musterstadt.example", Report().MessageId);
    }

    [Fact]
    public void The_mail_is_multipart_alternative_with_a_plain_and_an_html_part_in_utf8()
    {
        var body = Assert.IsType<MultipartAlternative>(Report().Body);

        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.All(body.Cast<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset));
    }

    [Fact]
    public void Both_parts_carry_every_field_of_the_report_with_the_time_in_the_jurisdictions_zone()
    {
        var mail = Report();
        string[] expected =
        [
            "Neue Meldung 4711: Schlagloch / Straßenschaden",
            "Schlagloch / Straßenschaden (schlagloch)", "STR-042",
            "01.03.2026, 09:30 Uhr (Europe/Berlin, UTC+01:00)",
            "Tiefes Schlagloch vor der Bäckerei Müller, Radfahrer müssen ausweichen.",
            "Königstraße 5, 48143 Musterstadt", "addr-9",
            "51.96236, 7.62571",
            "groesse", "groß", "gefahr", "radweg, nachts",
            "https://media.example/a.jpg", "https://media.example/b.jpg",
            "Jürgen Größe-Müller", "jürgen.größe@example.de", "+49 251 123456",
            "In Bearbeitung", "Erledigt", "Nicht zuständig",
            "bis 30.04.2026, 09:30 Uhr (Europe/Berlin, UTC+02:00)",
            "tok-0815", "device-1", "account-7", "musterstadt.de",
        ];
        foreach (var text in expected)
        {
            Assert.Contains(text, mail.TextBody);
            Assert.Contains(text, mail.HtmlBody);
        }
        Assert.Contains("https://www.openstreetmap.org/?mlat=51.96236&mlon=7.62571#map=18/51.96236/7.62571", mail.TextBody);
        Assert.Contains("href=\"https://www.openstreetmap.org/?mlat=51.96236&amp;mlon=7.62571#map=18/51.96236/7.62571\"", mail.HtmlBody);
    }

    [Fact]
    public void Status_links_are_written_out_in_the_plain_part_and_clickable_in_the_html_part()
    {
        var mail = Report();

        foreach (var link in EmailSamples.Links)
        {
            Assert.Contains($"{link.Label}: {link.Url}", mail.TextBody);
            Assert.Contains($"<a href=\"{link.Url.Replace("&", "&amp;").Replace("<", "&lt;").Replace("\"", "&quot;")}\">", mail.HtmlBody);
        }
        Assert.Contains("Seite des Portals, auf der Sie den Status bestätigen", mail.TextBody);
    }

    [Fact]
    public void A_report_without_status_links_says_so()
    {
        var mail = EmailComposer.Report(EmailSamples.Report() with { StatusLinks = null }, EmailSamples.Options(), To, Now);

        Assert.Contains("keine Statuslinks", mail.TextBody);
        Assert.DoesNotContain("/status-links/", mail.HtmlBody);
    }

    [Fact]
    public void The_english_template_is_chosen_by_the_routes_language()
    {
        var mail = Report("en");

        Assert.Equal("[Issue report] Schlagloch / Straßenschaden – report 4711", mail.Subject);
        Assert.Equal("en", mail.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("Reported at: 2026-03-01 09:30 (Europe/Berlin, UTC+01:00)", mail.TextBody);
        Assert.Contains("Reporter's contact", mail.TextBody);
        Assert.Contains("<html lang=\"en\">", mail.HtmlBody);
        Assert.DoesNotContain("Meldung", mail.TextBody);
    }

    [Fact]
    public void An_unknown_or_missing_language_falls_back_to_german()
    {
        var missing = EmailComposer.Report(EmailSamples.Report() with { Route = EmailSamples.Route() with { Settings = null } }, EmailSamples.Options(), To, Now);

        Assert.StartsWith("[Mängelmelder]", missing.Subject);
        Assert.StartsWith("[Mängelmelder]", Report("fr").Subject);
    }

    [Fact]
    public void Hostile_text_is_html_encoded_and_only_web_addresses_become_links()
    {
        var hostile = EmailSamples.Report() with
        {
            Description = "<script>alert('x')</script> & <a href=\"https://evil.example\">klick</a>\nKontakt\n-------\nName: Falsch",
            FirstName = "<b>Eve</b>",
            AddressString = "\"><img src=x onerror=alert(1)>",
            MediaUrls = ["javascript:alert(1)"],
        };

        var mail = EmailComposer.Report(hostile, EmailSamples.Options(), To, Now);

        Assert.DoesNotContain("<script", mail.HtmlBody);
        Assert.DoesNotContain("<b>Eve", mail.HtmlBody);
        Assert.DoesNotContain("<img", mail.HtmlBody);
        Assert.DoesNotContain("href=\"https://evil.example", mail.HtmlBody);
        Assert.DoesNotContain("href=\"javascript:", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;", mail.HtmlBody);
        Assert.Contains("&lt;b&gt;Eve&lt;/b&gt;", mail.HtmlBody);
        Assert.Contains("javascript:alert(1)", mail.HtmlBody);
        // In the plain part the citizen's lines are indented, so they cannot pose as a section of ours.
        Assert.Contains("\n  Kontakt\n  -------\n  Name: Falsch\n", mail.TextBody);
    }

    [Fact]
    public void A_follow_up_is_a_reply_in_the_reports_thread_with_its_own_message_id()
    {
        var report = Report();
        var followUp = EmailComposer.FollowUp(EmailSamples.FollowUp(), EmailSamples.Options(), To, Now);

        Assert.Equal("update-u-123.musterstadt.de@gateway.musterstadt.example", followUp.MessageId);
        Assert.Equal(report.MessageId, followUp.InReplyTo);
        Assert.Equal([report.MessageId!], followUp.References);
        Assert.Equal("Re: " + report.Subject, followUp.Subject);
        Assert.Empty(followUp.ReplyTo);
        Assert.Equal(["text/plain", "text/html"], Assert.IsType<MultipartAlternative>(followUp.Body).Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public void A_follow_up_carries_the_status_asked_for_its_text_photo_link_and_contact()
    {
        var mail = EmailComposer.FollowUp(EmailSamples.FollowUp(), EmailSamples.Options(), To, Now);

        foreach (var text in (string[])["Nachtrag zu Meldung 4711", "Wieder öffnen (REOPEN)", "Das Loch ist wieder da, größer als vorher.",
                     "https://media.example/c.jpg", "Jürgen Größe-Müller", "jürgen.größe@example.de", "02.07.2026, 18:05 Uhr (Europe/Berlin, UTC+02:00)",
                     "DEMO-1", "u-123", "Links in der ursprünglichen Meldung"])
        {
            Assert.Contains(text, mail.TextBody);
            Assert.Contains(text, mail.HtmlBody);
        }
        Assert.Contains("href=\"https://media.example/c.jpg\"", mail.HtmlBody);
    }

    [Fact]
    public void A_follow_up_in_english_keeps_the_reports_english_subject()
    {
        var report = Report("en");
        var followUp = EmailComposer.FollowUp(EmailSamples.FollowUp("en"), EmailSamples.Options(), To, Now);

        Assert.Equal("Re: " + report.Subject, followUp.Subject);
        Assert.Contains("Status asked for: Reopen (REOPEN)", followUp.TextBody);
    }

    [Theory]
    [InlineData("4711", "teststadt.de", "report-4711.teststadt.de@x.example")]
    [InlineData("4711", "stadt mit <leer>", "report-4711.stadt-mit--leer-@x.example")]
    [InlineData("..7", "a..b", "report-7.a.b@x.example")]
    public void Message_ids_are_made_of_characters_a_header_takes_unquoted(string id, string jurisdiction, string expected) =>
        Assert.Equal(expected, MessageIds.ForReport(id, jurisdiction, "x.example"));
}
