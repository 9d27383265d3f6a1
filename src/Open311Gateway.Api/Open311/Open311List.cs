namespace Open311Gateway.Api.Open311;

/// <summary>
/// Repeated children: in XML a container of <paramref name="ItemName"/> elements,
/// in JSON an array (even with one item), as the standard derives JSON from XML.
/// </summary>
public sealed record Open311List(string ItemName, IReadOnlyList<object?> Items);
