using System.Text;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.OpenData.Exports;

namespace Open311Gateway.Tests.OpenData.Exports;

public sealed class CsvCellTests
{
    private static string Cell(object? value)
    {
        var line = new StringBuilder();
        CsvCell.Append(line, value);
        return line.ToString();
    }

    [Theory]
    [InlineData("Schlagloch", "Schlagloch")]
    [InlineData("Glätte überall", "Glätte überall")]
    [InlineData("Hauptstraße 1, Teststadt", "\"Hauptstraße 1, Teststadt\"")]
    [InlineData("Ein \"tiefes\" Loch", "\"Ein \"\"tiefes\"\" Loch\"")]
    [InlineData("Zeile 1\r\nZeile 2", "\"Zeile 1\r\nZeile 2\"")]
    [InlineData("Zeile 1\nZeile 2", "\"Zeile 1\nZeile 2\"")]
    [InlineData("", "")]
    public void Text_is_quoted_only_where_rfc_4180_needs_it(string text, string cell) => Assert.Equal(cell, Cell(text));

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.org\")", "\"'=HYPERLINK(\"\"http://example.org\"\")\"")]
    [InlineData("+49 30 1234", "\"'+49 30 1234\"")]
    [InlineData("-5 Grad", "\"'-5 Grad\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe_inside_quotes(string text, string cell) =>
        Assert.Equal(cell, Cell(text));

    [Fact]
    public void A_formula_sign_inside_the_text_is_left_as_it_is() => Assert.Equal("Tiefe = 5 cm", Cell("Tiefe = 5 cm"));

    [Fact]
    public void Numbers_are_numbers_and_a_western_longitude_keeps_its_minus_sign()
    {
        Assert.Equal("-3.7038", Cell(-3.7038));
        Assert.Equal("52.52", Cell(52.52));
        Assert.Equal("0.1", Cell(0.1));
    }

    [Fact]
    public void Null_is_an_empty_cell_and_a_list_is_its_items_separated_by_spaces()
    {
        Assert.Equal("", Cell(null));
        Assert.Equal("http://a/1.jpg http://a/2.jpg", Cell(new Open311List("media_url", ["http://a/1.jpg", "http://a/2.jpg"])));
        Assert.Equal("", Cell(new Open311List("media_url", [])));
    }
}
