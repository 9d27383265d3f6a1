using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Tests.Open311;

public sealed class SubmissionValidatorTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly Service Pothole = new()
    {
        JurisdictionId = "teststadt.de", Code = "SCHLAGLOCH", Name = "Schlagloch", Type = "realtime",
        Attributes =
        [
            new AttributeDefinition
            {
                Code = "GROESSE", Datatype = "singlevaluelist", Required = true, Order = 1, Description = "Wie groß?",
                Values = [new AttributeValue { Key = "klein", Name = "Klein" }, new AttributeValue { Key = "groß", Name = "Groß" }],
            },
            new AttributeDefinition
            {
                Code = "ART", Datatype = "multivaluelist", Order = 2, Description = "Was?",
                Values = [new AttributeValue { Key = "a", Name = "A" }, new AttributeValue { Key = "b", Name = "B" }],
            },
            new AttributeDefinition { Code = "TIEFE", Datatype = "number", Order = 3, Description = "Tiefe" },
            new AttributeDefinition { Code = "AM", Datatype = "datetime", Order = 4, Description = "Wann?" },
            new AttributeDefinition { Code = "NOTIZ", Datatype = "string", Order = 5, Description = "Notiz" },
            new AttributeDefinition { Code = "INFO", Datatype = "text", Variable = false, Required = true, Order = 6, Description = "Nur Text" },
        ],
    };

    private static SubmittedFields Fields(params (string Name, string? Value)[] fields)
    {
        var submitted = new SubmittedFields();
        foreach (var (name, value) in fields) submitted.Add(name, value);
        return submitted;
    }

    private static (ValidatedSubmission? Submission, List<string> Errors) Validate(params (string, string?)[] fields) =>
        SubmissionValidator.Validate(Fields([("lat", "52.5"), ("long", "13.4"), ("attribute[GROESSE]", "klein"), .. fields]), Pothole, Berlin);

    [Fact]
    public void A_complete_submission_is_accepted_with_its_values()
    {
        var (submission, errors) = Validate(("description", "Loch\r\nTief"), ("attribute[ART][]", "a"), ("attribute[ART][]", "b"),
            ("attribute[TIEFE]", "2.5"), ("attribute[AM]", "2026-03-01T09:30:00"), ("email", "a@example.org"), ("media_url", "https://example.org/x.jpg"));
        Assert.Empty(errors);
        Assert.Equal((52.5, 13.4, "Loch\r\nTief"), (submission!.Latitude, submission.Longitude, submission.Description));
        Assert.Equal(["a", "b"], submission.Attributes["ART"]);
        Assert.Equal(["klein"], submission.Attributes["GROESSE"]);
        Assert.Equal(["https://example.org/x.jpg"], submission.MediaUrls);
        Assert.False(submission.Attributes.ContainsKey("INFO"));
    }

    [Fact]
    public void Both_attribute_spellings_of_a_multi_value_attribute_are_one_list()
    {
        var (submission, errors) = Validate(("attribute[ART]", "a"), ("attribute[ART][]", "b"));
        Assert.Empty(errors);
        Assert.Equal(["a", "b"], submission!.Attributes["ART"]);
    }

    [Fact]
    public void An_empty_field_counts_as_absent()
    {
        var (submission, errors) = Validate(("email", ""), ("description", ""), ("jurisdiction_id", ""));
        Assert.Empty(errors);
        Assert.Null(submission!.Email);
        Assert.Null(submission.Description);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (submission, errors) = SubmissionValidator.Validate(Fields(("attribute[GROESSE]", "riesig"), ("description", new string('x', 4001)),
            ("attribute[TIEFE]", "tief"), ("attribute[AM]", "gestern"), ("attribute[FARBE]", "rot"), ("media_url", "ftp://x")), Pothole, Berlin);
        Assert.Null(submission);
        Assert.Equal(
        [
            "A location is required: lat and long, address_string or address_id.",
            "description is 4001 characters long; at most 4000 are allowed.",
            "media_url 'ftp://x' is not an absolute http(s) URL.",
            "attribute[FARBE] is not an attribute of this service.",
            "attribute[GROESSE] 'riesig' is not one of: klein, groß.",
            "attribute[TIEFE] 'tief' is not a number (use a decimal point: 2.5).",
            "attribute[AM] 'gestern' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.",
        ], errors);
    }

    [Fact]
    public void A_description_of_4000_characters_is_the_limit()
    {
        Assert.Empty(Validate(("description", new string('ß', 4000))).Errors);
        Assert.Single(Validate(("description", new string('ß', 4001))).Errors);
    }

    [Theory]
    [InlineData("lat", "52.5")]
    [InlineData("long", "13.4")]
    public void One_coordinate_alone_is_an_error(string name, string value)
    {
        var (_, errors) = SubmissionValidator.Validate(Fields(("attribute[GROESSE]", "klein"), ("address_string", "Markt"), (name, value)), Pothole, Berlin);
        Assert.Equal(["lat and long go together: send both or neither."], errors);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("90.000001")]
    [InlineData("52,5")]
    public void A_latitude_that_is_no_finite_degree_is_an_error(string lat)
    {
        var (submission, errors) = SubmissionValidator.Validate(Fields(("lat", lat), ("long", "13.4"), ("attribute[GROESSE]", "klein")), Pothole, Berlin);
        Assert.Null(submission);
        Assert.StartsWith($"lat {(lat == "90.000001" ? "" : "'")}{lat}", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u001B")]
    [InlineData("\u007F")]
    public void Control_characters_in_text_are_errors_but_line_breaks_and_tabs_are_not(string control)
    {
        Assert.Equal(["attribute[NOTIZ] contains control characters."], Validate(("attribute[NOTIZ]", "a" + control)).Errors);
        Assert.Empty(Validate(("attribute[NOTIZ]", "a\r\n\tb")).Errors);
    }

    [Fact]
    public void A_required_attribute_is_required_unless_it_is_informational()
    {
        var (_, errors) = SubmissionValidator.Validate(Fields(("address_id", "A")), Pothole, Berlin);
        Assert.Equal(["attribute[GROESSE] is required: Wie groß?"], errors);
    }

    [Fact]
    public void A_single_value_attribute_takes_one_value_but_a_repeat_of_the_same_is_fine()
    {
        Assert.Equal(["attribute[GROESSE] takes one value, not 2."], Validate(("attribute[GROESSE]", "groß")).Errors);
        Assert.Empty(Validate(("attribute[GROESSE]", "klein")).Errors);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relativ.jpg")]
    [InlineData("relativ.jpg")]
    [InlineData("ftp://example.org/x.jpg")]
    public void A_media_url_must_be_absolute_http(string url) =>
        Assert.Equal([$"media_url '{url}' is not an absolute http(s) URL."], Validate(("media_url", url)).Errors);

    [Fact]
    public void Several_different_media_urls_are_kept_as_fixmystreet_sends_them()
    {
        var (submission, errors) = Validate(("media_url", "https://example.org/1.jpg"), ("media_url", "https://example.org/2.jpg"));
        Assert.Empty(errors);
        Assert.Equal(["https://example.org/1.jpg", "https://example.org/2.jpg"], submission!.MediaUrls);
    }
}
