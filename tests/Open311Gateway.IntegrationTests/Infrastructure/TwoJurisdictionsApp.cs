namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>A gateway serving two municipalities, where <c>jurisdiction_id</c> becomes required.</summary>
public sealed class TwoJurisdictionsApp : GatewayApp
{
    protected override bool WithSecondJurisdiction => true;
}
