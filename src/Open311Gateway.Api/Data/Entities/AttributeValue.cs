namespace Open311Gateway.Api.Data.Entities;

/// <summary>One choice of a list attribute.</summary>
public class AttributeValue
{
    public required string Key { get; set; }
    public required string Name { get; set; }
}
