using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Updates;

/// <summary>
/// <see cref="GatewayApp"/> without the outbox dispatcher, for tests that inspect outbox rows as the API
/// wrote them: a running dispatcher marks them tried or sent at any moment.
/// </summary>
public sealed class GatewayAppWithoutDispatcher : GatewayApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Delivery:RunDispatcher", "false")];
}
