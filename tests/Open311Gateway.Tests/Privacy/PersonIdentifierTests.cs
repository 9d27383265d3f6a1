using Open311Gateway.Api.Privacy;

namespace Open311Gateway.Tests.Privacy;

/// <summary>Whom an erasure request names: an address in any case, or a phone number in any punctuation.</summary>
public class PersonIdentifierTests
{
    [Theory]
    [InlineData(" Erika.Mustermann@Example.ORG ", "erika.mustermann@example.org")]
    [InlineData("a@b", "a@b")]
    public void An_email_address_is_compared_in_lower_case(string text, string email) =>
        Assert.Equal(new PersonIdentifier(email, null), PersonIdentifier.Parse(text));

    [Theory]
    [InlineData("+49 (30) 123-45 67", "4930 1234567")]
    [InlineData("030/1234567", "0301234567")]
    [InlineData("0171.555", "0171555")]
    public void A_phone_number_is_compared_by_its_digits(string text, string digits) =>
        Assert.Equal(new PersonIdentifier(null, digits.Replace(" ", "")), PersonIdentifier.Parse(text));

    [Theory]
    [InlineData("Erika Mustermann")]
    [InlineData("12")]
    [InlineData("")]
    [InlineData("0171 555 ext. 3")]
    public void Anything_else_is_refused_rather_than_erased_by_a_fragment(string text) =>
        Assert.Throws<ArgumentException>(() => PersonIdentifier.Parse(text));
}
