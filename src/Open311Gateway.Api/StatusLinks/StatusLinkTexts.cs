namespace Open311Gateway.Api.StatusLinks;

/// <summary>The words of status links and their page, in German (the default) and English.</summary>
public sealed record StatusLinkTexts(
    string Language,
    IReadOnlyDictionary<string, string> StatusLabels,
    string Title,
    string Report,
    string CurrentStatus,
    string NewStatus,
    string NoteLabel,
    string NoteHint,
    string Confirm,
    string Applied,
    string AlreadyUsed,
    string Expired,
    string InvalidLink,
    string NoteTooLong,
    string NoteNotText)
{
    public static StatusLinkTexts German { get; } = new(
        "de",
        new Dictionary<string, string>
        {
            ["OPEN"] = "Offen",
            ["IN_PROGRESS"] = "In Bearbeitung",
            ["FIXED"] = "Erledigt",
            ["NOT_COUNCILS_RESPONSIBILITY"] = "Nicht zuständig",
            ["NO_FURTHER_ACTION"] = "Kein Handlungsbedarf",
            ["CLOSED"] = "Geschlossen",
        },
        "Status einer Meldung setzen",
        "Meldung",
        "Aktueller Status",
        "Neuer Status",
        "Öffentliche Notiz (optional)",
        "Erscheint öffentlich bei der Meldung. Bitte keine personenbezogenen Daten.",
        "Status setzen",
        "Der Status wurde gesetzt.",
        "Dieser Link wurde bereits verwendet; es wurde nichts geändert.",
        "Dieser Link ist abgelaufen. Bitte setzen Sie den Status im Fachverfahren oder fragen Sie den Betreiber des Portals.",
        "Dieser Link ist ungültig.",
        "Die Notiz ist zu lang (höchstens 4000 Zeichen).",
        "Die Notiz enthält Zeichen, die kein gültiger Text (UTF-8) sind.");

    public static StatusLinkTexts English { get; } = new(
        "en",
        new Dictionary<string, string>
        {
            ["OPEN"] = "Open",
            ["IN_PROGRESS"] = "In progress",
            ["FIXED"] = "Fixed",
            ["NOT_COUNCILS_RESPONSIBILITY"] = "Not our responsibility",
            ["NO_FURTHER_ACTION"] = "No further action",
            ["CLOSED"] = "Closed",
        },
        "Set a report's status",
        "Report",
        "Current status",
        "New status",
        "Public note (optional)",
        "Shown publicly with the report. Please include no personal data.",
        "Set status",
        "The status has been set.",
        "This link has been used already; nothing was changed.",
        "This link has expired. Please set the status in your case system or ask the portal's operator.",
        "This link is not valid.",
        "The note is too long (at most 4000 characters).",
        "The note holds bytes that are not valid text (UTF-8).");

    public static StatusLinkTexts For(string? language) => language == "en" ? English : German;

    public string LabelOf(string status) => StatusLabels.GetValueOrDefault(status, status);
}
