using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Open311Gateway.Api.Open311;

/// <summary>Puts every <see cref="Open311ControllerBase"/> route under the configured base path.</summary>
public sealed class Open311RoutePrefixConvention(string basePath) : IApplicationModelConvention
{
    private readonly AttributeRouteModel _prefix = new() { Template = basePath.Trim('/') };

    public void Apply(ApplicationModel application)
    {
        foreach (var controller in application.Controllers.Where(c => c.ControllerType.IsSubclassOf(typeof(Open311ControllerBase))))
        {
            foreach (var selector in controller.Selectors.Where(s => s.AttributeRouteModel is not null))
                selector.AttributeRouteModel = AttributeRouteModel.CombineAttributeRouteModel(_prefix, selector.AttributeRouteModel);
        }
    }
}
