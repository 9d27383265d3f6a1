namespace Open311Gateway.Tests.Catalog;

public class CatalogParserErrorTests
{
    [Fact]
    public void A_misspelled_datatype_names_its_line_column_path_and_the_allowed_datatypes()
    {
        var error = CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                  - code: Y
                    name: Y
                  - code: Z
                    name: Z
                    attributes:
                      - code: GROESSE
                        description: Wie groß?
                        datatype: numbr
            """, line: 14, column: 23);
        Assert.Equal(
            "jurisdictions[0].services[2].attributes[0].datatype 'numbr' is not one of string, number, datetime, text, singlevaluelist, multivaluelist",
            error.Message);
        Assert.Equal("line 14, column 23: " + error.Message, error.ToString());
    }

    [Fact]
    public void An_api_key_in_the_catalogue_is_refused_as_an_unknown_key_with_a_hint_about_secrets() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    api_key: geheim-123
            """, line: 7, column: 9, "unknown key 'api_key'", "jurisdictions[0].services[0]", "belong in configuration");

    [Fact]
    public void A_password_next_to_a_jurisdiction_is_refused_too() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                password: hunter2
            """, line: 4, column: 5, "unknown key 'password'", "allowed here: id, name, time_zone");

    [Fact]
    public void A_misspelled_key_is_refused_with_the_keys_allowed_there_and_no_word_about_secrets()
    {
        var error = CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    keyword: [Loch]
            """, line: 7, column: 9, "unknown key 'keyword'", "allowed here: code, name, description, type, keywords");
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_is_refused() =>
        CatalogAssert.SingleError("""
            version: 2
            jurisdictions:
              - id: a.de
                name: A
            """, line: 1, column: 1, "unknown key 'version'");

    [Fact]
    public void A_missing_name_is_reported_at_the_start_of_its_item() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    description: ohne Namen
            """, line: 5, column: 9, "jurisdictions[0].services[0].name is missing");

    [Theory]
    [InlineData("''")]
    [InlineData("\"   \"")]
    [InlineData("")]
    [InlineData("~")]
    public void An_empty_required_field_is_reported_at_its_line(string empty) =>
        CatalogAssert.SingleError($"""
            jurisdictions:
              - id: a.de
                name: {empty}
            """, line: 3, column: null, "jurisdictions[0].name must not be empty");

    [Fact]
    public void A_boolean_that_is_neither_true_nor_false_is_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: G
                        description: g
                        datatype: string
                        required: maybe
            """, line: 11, column: 23, "jurisdictions[0].services[0].attributes[0].required 'maybe' is not true or false");

    [Fact]
    public void A_quoted_true_is_text_and_is_refused_where_a_boolean_belongs() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - { code: G, description: g, datatype: string, variable: "true" }
            """, line: 8, column: null, "variable \"true\" is quoted text");

    [Fact]
    public void A_second_jurisdiction_with_the_same_id_points_back_to_the_first() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
              - id: a.de
                name: A again
            """, line: 4, column: 9, "jurisdictions[1].id 'a.de' is already used by jurisdictions[0] (line 2)");

    [Fact]
    public void A_service_code_used_twice_in_one_jurisdiction_is_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: GRAFFITI
                    name: Graffiti
                  - code: GRAFFITI
                    name: Noch einmal
            """, line: 7, column: 15, "services[1].code 'GRAFFITI' is already used by jurisdictions[0].services[0] (line 5)");

    [Fact]
    public void An_attribute_code_used_twice_in_one_service_is_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - { code: G, description: g, datatype: string }
                      - { code: G, description: h, datatype: string }
            """, line: 9, column: null, "attributes[1].code 'G' is already used by");

    [Fact]
    public void Two_attributes_with_the_same_order_are_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: G
                        description: g
                        datatype: string
                        order: 5
                      - code: H
                        description: h
                        datatype: string
                        order: 5
            """, line: 15, column: 20, "attributes[1].order 5 is already used by jurisdictions[0].services[0].attributes[0] (line 11)");

    [Fact]
    public void An_explicit_order_that_collides_with_a_defaulted_position_is_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: G
                        description: g
                        datatype: string
                      - code: H
                        description: h
                        datatype: string
                        order: 1
            """, line: 14, column: 20, "attributes[1].order 1 is already used by jurisdictions[0].services[0].attributes[0]");

    [Theory]
    [InlineData("0", "must be 1 or more")]
    [InlineData("1.5", "'1.5' is not a whole number")]
    [InlineData("'2'", "is quoted text")]
    public void An_order_must_be_a_plain_whole_number_of_at_least_one(string order, string problem) =>
        CatalogAssert.SingleError($"""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: G
                        description: g
                        datatype: string
                        order: {order}
            """, line: 11, column: 20, problem);

    [Fact]
    public void A_list_key_used_twice_in_one_attribute_is_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: G
                        description: g
                        datatype: singlevaluelist
                        values:
                          - { key: ja, name: Ja }
                          - { key: nein, name: Nein }
                          - { key: ja, name: Jawohl }
            """, line: 14, column: null, "values[2].key 'ja' is already used by");

    [Fact]
    public void A_list_attribute_without_values_is_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: G
                        description: g
                        datatype: multivaluelist
            """, line: 8, column: 13, "values must list at least one choice for a multivaluelist");

    [Fact]
    public void Values_on_a_string_attribute_are_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: G
                        description: g
                        datatype: string
                        values:
                          - { key: a, name: A }
            """, line: 12, column: 15, "values are only for singlevaluelist and multivaluelist, not for string");

    [Fact]
    public void An_informational_attribute_cannot_be_required() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    attributes:
                      - code: HINWEIS
                        description: Nur zur Information
                        datatype: text
                        variable: false
                        required: true
            """, line: 12, column: 23, "cannot be required");

    [Theory]
    [InlineData("Europe/Nowhere")]
    [InlineData("europe/berlin")]
    [InlineData("W. Europe Standard Time")]
    public void A_time_zone_must_be_an_exact_IANA_id(string zone) =>
        CatalogAssert.SingleError($"""
            jurisdictions:
              - id: a.de
                name: A
                time_zone: {zone}
            """, line: 4, column: 16, $"time_zone '{zone}' is not an IANA time zone");

    [Theory]
    [InlineData("Musterstadt.de")]
    [InlineData("muster stadt")]
    [InlineData("münster.de")]
    public void A_jurisdiction_id_may_only_use_lower_case_letters_digits_dots_and_dashes(string id) =>
        CatalogAssert.SingleError($"""
            jurisdictions:
              - id: "{id}"
                name: A
            """, line: 2, column: 9, "may only contain a-z, 0-9, '.' and '-'");

    [Fact]
    public void A_jurisdiction_id_longer_than_100_characters_is_refused() =>
        CatalogAssert.SingleError($"""
            jurisdictions:
              - id: {new string('a', 101)}
                name: A
            """, line: 2, column: 9, "longer than 100 characters");

    [Fact]
    public void A_service_code_with_a_comma_is_refused_because_clients_filter_by_comma_lists() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: "Laub, Äste"
                    name: Laub
            """, line: 5, column: 15, "must not contain a comma");

    [Fact]
    public void An_unknown_service_type_is_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    type: sofort
            """, line: 7, column: 15, "type 'sofort' is not one of realtime, batch, blackbox");

    [Fact]
    public void A_keyword_with_a_comma_is_refused_because_keywords_are_served_as_one_comma_string() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: X
                    name: X
                    keywords: [Straße, "Loch, tief"]
            """, line: 7, column: 28, "keywords[1] 'Loch, tief' must not contain a comma");

    [Fact]
    public void Services_written_as_a_single_text_instead_of_a_list_are_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                services: SCHLAGLOCH
            """, line: 4, column: 15, "services must be a list");

    [Fact]
    public void A_list_item_that_is_not_a_mapping_is_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - a.de
            """, line: 2, column: 5, "jurisdictions[0] must be a mapping");

    [Theory]
    [InlineData("jurisdictions: []\n", "at least one jurisdiction")]
    [InlineData("jurisdictions:\n", "jurisdictions must not be empty")]
    [InlineData("{}\n", "jurisdictions is missing")]
    public void A_catalogue_needs_at_least_one_jurisdiction(string yaml, string problem) =>
        CatalogAssert.SingleError(yaml, line: 1, column: null, problem);

    [Theory]
    [InlineData("")]
    [InlineData("# nur ein Kommentar\n")]
    public void An_empty_file_is_refused(string yaml) =>
        CatalogAssert.SingleError(yaml, line: 1, column: 1, "the catalogue is empty");

    [Fact]
    public void Two_yaml_documents_in_one_file_are_refused() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
            ---
            jurisdictions: []
            """, line: 5, column: 1, "one YAML document");

    [Fact]
    public void Broken_yaml_becomes_an_error_at_the_line_where_the_reader_stopped() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: 'A
            """, line: 3, column: 11, "YAML error");

    [Fact]
    public void A_key_given_twice_in_one_mapping_is_a_yaml_error_at_the_second_one() =>
        CatalogAssert.SingleError("""
            jurisdictions:
              - id: a.de
                name: A
                name: B
            """, line: 4, column: 5, "YAML error", "Duplicate key");
}
