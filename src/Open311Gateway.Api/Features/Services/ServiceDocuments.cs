using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Features.Services;

/// <summary>Shapes catalogue entries as GeoReport v2 service list items and service definitions.</summary>
public static class ServiceDocuments
{
    public static Open311Document List(IEnumerable<Service> services) =>
        Open311Document.List("services", "service", services.Select(ListItem));

    public static Open311Object ListItem(Service service) => new Open311Object()
        .Add("service_code", service.Code)
        .Add("service_name", service.Name)
        .Add("description", service.Description)
        .Add("metadata", service.Attributes.Count > 0)
        .Add("type", service.Type)
        .Add("keywords", service.Keywords)
        .Add("group", service.Group);

    public static Open311Document Definition(Service service) => new("service_definition", new Open311Object()
        .Add("service_code", service.Code)
        .Add("attributes", new Open311List("attribute", service.Attributes.OrderBy(a => a.Order).Select(Attribute).ToList())));

    private static object? Attribute(AttributeDefinition attribute) => new Open311Object()
        .Add("variable", attribute.Variable)
        .Add("code", attribute.Code)
        .Add("datatype", attribute.Datatype)
        .Add("required", attribute.Required)
        .Add("datatype_description", attribute.DatatypeDescription)
        .Add("order", attribute.Order)
        .Add("description", attribute.Description)
        .Add("values", new Open311List("value", attribute.Values
            .Select(v => (object?)new Open311Object().Add("key", v.Key).Add("name", v.Name)).ToList()));
}
