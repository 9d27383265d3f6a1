namespace Open311Gateway.Tests.Catalog;

public class CatalogParserManyErrorsTests
{
    [Fact]
    public void Every_error_in_a_file_is_reported_at_once_sorted_by_line()
    {
        var errors = CatalogAssert.Invalid("""
            jurisdictions:
              - id: Muster Stadt
                name: A
                time_zone: Mars/Olympus
                services:
                  - code: X
                    name: X
                    type: spaeter
                    attributes:
                      - code: G
                        datatype: numbr
                        required: vielleicht
                  - code: X
                    name: ''
              - id: b.de
                secret: abc
            """);

        (int Line, string Start)[] expected =
        [
            (2, "jurisdictions[0].id 'Muster Stadt' may only contain"),
            (4, "jurisdictions[0].time_zone 'Mars/Olympus'"),
            (8, "jurisdictions[0].services[0].type 'spaeter'"),
            (10, "jurisdictions[0].services[0].attributes[0].description is missing"),
            (11, "jurisdictions[0].services[0].attributes[0].datatype 'numbr'"),
            (12, "jurisdictions[0].services[0].attributes[0].required 'vielleicht'"),
            (13, "jurisdictions[0].services[1].code 'X' is already used"),
            (14, "jurisdictions[0].services[1].name must not be empty"),
            (15, "jurisdictions[1].name is missing"),
            (16, "jurisdictions[1]: unknown key 'secret'"),
        ];
        Assert.Equal(expected.Select(e => e.Line), errors.Select(e => e.Line));
        Assert.All(expected.Zip(errors), pair => Assert.StartsWith(pair.First.Start, pair.Second.Message));
    }
}
