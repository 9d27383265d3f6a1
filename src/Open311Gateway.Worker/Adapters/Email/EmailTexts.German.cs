namespace Open311Gateway.Worker.Adapters.Email;

public sealed partial record EmailTexts
{
    public static EmailTexts German { get; } = new()
    {
        Language = "de",
        DateTimeFormat = "dd.MM.yyyy, HH:mm 'Uhr'",
        Subject = "[Mängelmelder] {0} – Meldung {1}",
        ReplyPrefix = "Re: ",
        ReportTitle = "Neue Meldung {0}: {1}",
        FollowUpTitle = "Nachtrag zu Meldung {0}: {1}",
        ReportSection = "Meldung",
        Service = "Kategorie",
        ExternalServiceCode = "Kategorie im Fachverfahren",
        RequestedAt = "Gemeldet am",
        Description = "Beschreibung",
        NoDescription = "(keine Beschreibung)",
        LocationSection = "Ort",
        Address = "Adresse",
        AddressId = "Adress-ID",
        Coordinates = "Koordinaten (Breite, Länge)",
        GridCoordinates = "Ostwert, Nordwert ({0})",
        Map = "Karte",
        AttributesSection = "Angaben zur Meldung",
        MediaSection = "Fotos (Links; nicht abgerufen, bitte nur öffnen, wenn Sie der Quelle trauen)",
        MediaItem = "Foto {0}",
        ContactSection = "Kontakt der meldenden Person (vertraulich, nicht veröffentlichen)",
        Name = "Name",
        Email = "E-Mail",
        Phone = "Telefon",
        NoContact = "Die meldende Person hat keine Kontaktdaten angegeben.",
        StatusLinksSection = "Status zurückmelden (ohne Anmeldung)",
        StatusLinksHint = "Jeder Link öffnet eine Seite des Portals, auf der Sie den Status bestätigen und eine öffentliche Notiz " +
            "ergänzen können; erst die Bestätigung ändert etwas. Die Links gelten nur für diese Meldung und bis {0}.",
        NoStatusLinks = "Diese Nachricht enthält keine Statuslinks. Bitte melden Sie den Status über das Fachverfahren zurück.",
        FollowUpSection = "Nachtrag",
        RequestedStatus = "Gewünschter Status",
        SubmittedAt = "Eingereicht am",
        Photo = "Foto",
        FollowUpStatusHint = "Den Status setzen Sie weiterhin über die Links in der ursprünglichen Meldung.",
        TechnicalSection = "Technische Angaben",
        ReportId = "Meldungsnummer",
        Token = "Token",
        Jurisdiction = "Zuständigkeit (jurisdiction_id)",
        DeviceId = "Geräte-ID",
        AccountId = "Konto-ID",
        UpdateId = "Nachtragsnummer",
        ExternalCaseId = "Vorgang im Fachverfahren",
        Footer = "Automatisch gesendet vom Open311-Portal. Antworten auf diese Mail erreichen den Betreiber des Portals, " +
            "nicht die meldende Person.",
        StatusLabels = new Dictionary<string, string>
        {
            ["OPEN"] = "Offen",
            ["REOPEN"] = "Wieder öffnen",
            ["CLOSED"] = "Geschlossen",
            ["IN_PROGRESS"] = "In Bearbeitung",
            ["FIXED"] = "Erledigt",
        },
    };
}
