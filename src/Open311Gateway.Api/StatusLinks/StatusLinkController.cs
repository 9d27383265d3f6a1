using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Updates;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.StatusLinks;

/// <summary>
/// The page a status link opens. GET only shows what the link would do (mail scanners follow links, so a GET
/// changes nothing); the clerk's POST applies the status through the back-office path, once per link.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Route("status-links/{requestId}/{token}")]
public sealed class StatusLinkController(
    GatewayDbContext db, StatusLinkSigner signer, BackOfficeStatusIntake intake, TimeProvider clock) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Show(string requestId, string token, [FromQuery] string? lang, CancellationToken cancellationToken)
    {
        var texts = StatusLinkTexts.For(lang);
        var (report, check) = await ResolveAsync(requestId, token, cancellationToken);
        if (report is null || check.Verdict != StatusLinkVerdict.Valid) return Refused(texts, check);
        var used = await db.RequestUpdates.AsNoTracking().AnyAsync(u => u.Source == RequestUpdateSources.BackOffice
            && u.Sender == BackOfficeStatusIntake.SenderOf(report.JurisdictionId) && u.SenderUpdateId == UpdateIdOf(token), cancellationToken);
        return Page(StatusLinkPage.Confirm(texts, report, check.Status!, showForm: !used, used ? texts.AlreadyUsed : null));
    }

    [HttpPost]
    public async Task<IActionResult> Apply(string requestId, string token, [FromQuery] string? lang, CancellationToken cancellationToken)
    {
        var texts = StatusLinkTexts.For(lang);
        var (report, check) = await ResolveAsync(requestId, token, cancellationToken);
        if (report is null || check.Verdict != StatusLinkVerdict.Valid) return Refused(texts, check);

        var (note, unreadable) = await ReadNoteAsync(texts, cancellationToken);
        note = note?.Trim();
        var errors = new List<string>();
        TextRules.Check("note", note, UpdateFieldRules.MaxDescriptionLength, errors);
        if (unreadable is not null || errors.Count > 0)
            return Page(StatusLinkPage.Confirm(texts, report, check.Status!, showForm: true, unreadable ?? texts.NoteTooLong), StatusCodes.Status400BadRequest);

        var now = clock.GetUtcNow();
        var update = new BackOfficeUpdate(UpdateIdOf(token), check.Status!, string.IsNullOrEmpty(note) ? null : note, null, null, now, null);
        var (_, isNew) = await intake.RecordAsync(report.Id, report.JurisdictionId, update, now, cancellationToken);
        var current = await db.ServiceRequests.AsNoTracking().Include(r => r.Service).FirstAsync(r => r.Id == report.Id, cancellationToken);
        return Page(StatusLinkPage.Done(texts, current, isNew ? texts.Applied : texts.AlreadyUsed));
    }

    private async Task<(ServiceRequest? Report, StatusLinkCheck Check)> ResolveAsync(string requestId, string token, CancellationToken cancellationToken)
    {
        if (!long.TryParse(requestId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0 || token.Length > 200)
            return (null, StatusLinkCheck.Invalid);
        var check = signer.Check(id, token, clock.GetUtcNow());
        if (check.Verdict == StatusLinkVerdict.Invalid) return (null, check);
        var report = await db.ServiceRequests.AsNoTracking().Include(r => r.Service).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return (report, report is null ? StatusLinkCheck.Invalid : check);
    }

    // One update per link: a second POST of the same link (a double click, a replay) finds the first and changes nothing.
    private static string UpdateIdOf(string token) => "link-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..32];

    // Room for the longest note percent-encoded (up to 12 bytes a character), and nothing much besides.
    private const int NoteFormBytes = 12 * UpdateFieldRules.MaxDescriptionLength + 1024;

    /// <summary>The form's note, or why it cannot be read (then nothing is applied).</summary>
    private async Task<(string? Note, string? Unreadable)> ReadNoteAsync(StatusLinkTexts texts, CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType) return (null, null);
        // The strict form reader of POST bodies (ADR 18): bytes that are not UTF-8 are refused rather than read as
        // U+FFFD, and the budget keeps a hostile body small without reading it whole first.
        var budget = new BodyBudget(new BodyLimits(NoteFormBytes, MaxPhotoBytes: null));
        var fields = new SubmittedFields();
        try
        {
            await FormBodyReader.ReadAsync(new BoundedBodyStream(Request.Body, budget), fields, budget, cancellationToken);
        }
        catch (InvalidTextException)
        {
            return (null, texts.NoteNotText);
        }
        catch (Exception e) when (e is BodyTooLargeException or InvalidDataException)
        {
            return (null, texts.NoteTooLong);
        }
        return (fields.All("note").FirstOrDefault(), null);
    }

    private ContentResult Refused(StatusLinkTexts texts, StatusLinkCheck check) => check.Verdict == StatusLinkVerdict.Expired
        ? Page(StatusLinkPage.Message(texts, texts.Expired), StatusCodes.Status410Gone)
        : Page(StatusLinkPage.Message(texts, texts.InvalidLink), StatusCodes.Status404NotFound);

    private ContentResult Page(string html, int status = StatusCodes.Status200OK)
    {
        // Pages with a capability in their URL: no caching, no referrer leaking the token to linked sites.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return new ContentResult { Content = html, ContentType = "text/html; charset=utf-8", StatusCode = status };
    }
}
