namespace Open311Gateway.Tests.Catalog;

/// <summary>Delivery blocks are checked against their adapter kind: endpoint form, settings, statuses, poll interval.</summary>
public class CatalogDeliveryTests
{
    private static string Jurisdiction(string delivery, string services = "") => $"""
        jurisdictions:
          - id: a.de
            name: A
            delivery:
        {Indent(delivery, 6)}
        {services}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l));

    [Fact]
    public void A_webhook_block_is_taken_as_it_is_with_no_settings_and_no_poll()
    {
        var delivery = CatalogAssert.Valid(Jurisdiction("adapter: webhook\nendpoint: https://fachverfahren.a.de/hook")).Jurisdictions[0].Delivery!;

        Assert.Equal(("webhook", "https://fachverfahren.a.de/hook"), (delivery.Adapter, delivery.Endpoint));
        Assert.Empty(delivery.Settings);
        Assert.Empty(delivery.Statuses);
        Assert.Null(delivery.PollSeconds);
    }

    [Fact]
    public void An_unknown_adapter_names_every_kind_there_is() =>
        CatalogAssert.SingleError(Jurisdiction("adapter: fax\nendpoint: https://a.de/fax"), line: 5, column: 16,
            "jurisdictions[0].delivery.adapter 'fax' is not one of webhook, email, open311, redmine");

    [Fact]
    public void An_e_mail_endpoint_is_a_mail_address_and_mailto_is_stripped()
    {
        var delivery = CatalogAssert.Valid(Jurisdiction("adapter: email\nendpoint: mailto:maengel@a.de\nsettings:\n  language: en"))
            .Jurisdictions[0].Delivery!;

        Assert.Equal("maengel@a.de", delivery.Endpoint);
        Assert.Equal("en", delivery.Settings["language"]);
    }

    [Theory]
    [InlineData("https://a.de/mail")]
    [InlineData("Amt <maengel@a.de>")]
    [InlineData("a@a.de, b@a.de")]
    public void An_e_mail_endpoint_that_is_not_one_plain_address_is_refused(string endpoint) =>
        CatalogAssert.SingleError(Jurisdiction($"adapter: email\nendpoint: \"{endpoint}\""), line: 6, column: null,
            "is not a mail address", "adapter email");

    [Fact]
    public void An_http_endpoint_with_credentials_is_refused_as_a_secret() =>
        CatalogAssert.SingleError(Jurisdiction("adapter: open311\nendpoint: https://user:pw@upstream.de/open311/v2"), line: 6, column: null,
            "must not contain credentials");

    [Fact]
    public void A_language_other_than_de_or_en_is_refused() =>
        CatalogAssert.SingleError(Jurisdiction("adapter: email\nendpoint: m@a.de\nsettings:\n  language: fr"), line: 8, column: null,
            "settings.language 'fr' is not one of de, en");

    [Fact]
    public void A_setting_the_kind_does_not_know_is_refused_with_the_ones_it_does_and_a_secret_hint() =>
        CatalogAssert.SingleError(Jurisdiction("adapter: open311\nendpoint: https://u.de/v2\nsettings:\n  api_key: geheim"), line: 8, column: null,
            "unknown key 'api_key'", "jurisdiction_id, updated_after, servicerequestupdates, format", "belong in configuration");

    [Fact]
    public void A_webhook_has_no_settings() =>
        CatalogAssert.SingleError(Jurisdiction("adapter: webhook\nendpoint: https://a.de/hook\nsettings:\n  language: de"), line: 8, column: null,
            "adapter webhook has no settings");

    [Fact]
    public void Settings_are_typed_booleans_and_whole_numbers_as_the_kind_says()
    {
        var errors = CatalogAssert.Invalid(Jurisdiction("""
            adapter: redmine
            endpoint: http://127.0.0.1:3000
            settings:
              project: maengel
              our_id_field: eins
            statuses:
              New: OPEN
            """));
        Assert.Contains(errors, e => e.Message.Contains("settings.our_id_field 'eins' is not a whole number"));

        var open311 = CatalogAssert.Invalid(Jurisdiction("adapter: open311\nendpoint: https://u.de/v2\nsettings:\n  updated_after: ja"));
        Assert.Contains(open311, e => e.Message.Contains("settings.updated_after 'ja' is not true or false"));
    }

    [Fact]
    public void A_redmine_block_needs_its_project_its_id_field_and_its_statuses()
    {
        var errors = CatalogAssert.Invalid(Jurisdiction("adapter: redmine\nendpoint: http://127.0.0.1:3000"));

        Assert.Contains(errors, e => e.Message.Contains("settings.project is missing: adapter redmine needs it"));
        Assert.Contains(errors, e => e.Message.Contains("settings.our_id_field is missing"));
        Assert.Contains(errors, e => e.Message.Contains("statuses is missing: adapter redmine needs its statuses mapped"));
    }

    [Fact]
    public void A_pulled_back_office_gets_its_statuses_mapped_to_ours_in_our_spelling_and_a_default_poll_interval()
    {
        var delivery = CatalogAssert.Valid(Jurisdiction("""
            adapter: redmine
            endpoint: http://127.0.0.1:3000
            settings:
              project: maengel
              our_id_field: 1
            statuses:
              New: open
              In Progress: IN_PROGRESS
              Erledigt: fixed
            """)).Jurisdictions[0].Delivery!;

        Assert.Equal(new Dictionary<string, string> { ["New"] = "OPEN", ["In Progress"] = "IN_PROGRESS", ["Erledigt"] = "FIXED" }, delivery.Statuses);
        Assert.Equal(("maengel", "1"), (delivery.Settings["project"], delivery.Settings["our_id_field"]));
        Assert.Equal(300, delivery.PollSeconds);
    }

    [Fact]
    public void A_status_map_to_something_that_is_not_our_status_is_refused() =>
        CatalogAssert.SingleError(Jurisdiction("adapter: open311\nendpoint: https://u.de/v2\nstatuses:\n  offen: BEARBEITET"), line: 8, column: null,
            "statuses.offen 'BEARBEITET' is not one of our statuses");

    [Fact]
    public void Statuses_and_poll_seconds_belong_to_back_offices_whose_statuses_are_pulled_only()
    {
        var errors = CatalogAssert.Invalid(Jurisdiction("adapter: webhook\nendpoint: https://a.de/hook\nstatuses:\n  x: OPEN\npoll_seconds: 60"));

        Assert.Contains(errors, e => e.Message.Contains("statuses is only for adapters whose statuses are pulled (open311, redmine)"));
        Assert.Contains(errors, e => e.Message.Contains("adapter webhook does not poll for statuses"));
    }

    [Fact]
    public void A_poll_interval_below_one_second_is_refused() =>
        CatalogAssert.SingleError(Jurisdiction("adapter: open311\nendpoint: https://u.de/v2\npoll_seconds: 0"), line: 7, column: null,
            "poll_seconds must be at least 1");

    [Fact]
    public void A_service_lays_its_own_per_service_settings_over_its_jurisdictions_route()
    {
        var service = CatalogAssert.Valid(Jurisdiction("""
            adapter: redmine
            endpoint: http://127.0.0.1:3000
            settings:
              project: maengel
              our_id_field: 1
            statuses:
              New: OPEN
            """, """
                services:
                  - code: LICHT
                    name: Straßenlaterne
                    delivery_settings:
                      category_id: 7
                      project: beleuchtung
            """)).Jurisdictions[0].Services[0];

        Assert.Equal(new Dictionary<string, string> { ["category_id"] = "7", ["project"] = "beleuchtung" }, service.DeliverySettings);
        Assert.Null(service.Delivery);
    }

    [Fact]
    public void A_setting_a_service_may_not_set_on_its_own_is_refused_there() =>
        CatalogAssert.SingleError(Jurisdiction("""
            adapter: redmine
            endpoint: http://127.0.0.1:3000
            settings:
              project: maengel
              our_id_field: 1
            statuses:
              New: OPEN
            """, """
                services:
                  - code: LICHT
                    name: Straßenlaterne
                    delivery_settings:
                      our_id_field: 9
            """), line: 16, column: null, "unknown key 'our_id_field'", "allowed here: project, tracker_id, category_id");

    [Fact]
    public void Delivery_settings_without_any_route_are_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    delivery_settings:
                      project: p
            """, line: 8, column: 11, "delivery_settings needs a delivery block");

    [Fact]
    public void External_attribute_codes_must_name_attributes_of_the_service()
    {
        var service = CatalogAssert.Valid("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: GROESSE
                        description: Wie groß?
                        datatype: string
                    external_attributes:
                      GROESSE: size
            """).Jurisdictions[0].Services[0];
        Assert.Equal("size", service.ExternalAttributes!["GROESSE"]);

        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    external_attributes:
                      FARBE: colour
            """, line: 8, column: 18, "external_attributes.FARBE: the service has no attribute 'FARBE'");
    }
}
