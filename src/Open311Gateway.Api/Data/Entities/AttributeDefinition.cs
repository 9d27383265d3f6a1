namespace Open311Gateway.Api.Data.Entities;

/// <summary>An attribute of a service definition, as GeoReport v2 describes it.</summary>
public class AttributeDefinition
{
    public required string Code { get; set; }
    /// <summary>False: informational text only, never sent by a client.</summary>
    public bool Variable { get; set; } = true;
    /// <summary><c>string</c>, <c>number</c>, <c>datetime</c>, <c>text</c>, <c>singlevaluelist</c> or <c>multivaluelist</c>.</summary>
    public required string Datatype { get; set; }
    public bool Required { get; set; }
    public string? DatatypeDescription { get; set; }
    public int Order { get; set; }
    public required string Description { get; set; }
    public List<AttributeValue> Values { get; set; } = [];
}
