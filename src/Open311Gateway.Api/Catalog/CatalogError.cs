namespace Open311Gateway.Api.Catalog;

/// <summary>One problem in a catalogue file, at a 1-based line and column.</summary>
public sealed record CatalogError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
