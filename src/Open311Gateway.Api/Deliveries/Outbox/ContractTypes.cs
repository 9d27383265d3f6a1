using Open311Gateway.Contracts;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Api.Deliveries.Outbox;

/// <summary>The messages the outbox may hold, by the name stored in its rows.</summary>
public static class ContractTypes
{
    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(ServiceRequestSubmitted),
        typeof(CitizenUpdateSubmitted),
        typeof(StatusPollRequested),
    }.ToDictionary(t => t.FullName!);

    public static string NameOf<T>() => typeof(T).FullName!;

    public static Type Resolve(string name) => ByName.TryGetValue(name, out var type)
        ? type
        : throw new InvalidOperationException($"The outbox holds a message of unknown type '{name}'.");
}
