using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters;

/// <summary>
/// Forwards reports and follow-ups to one kind of municipal back office (a webhook, an upstream Open311
/// server, e-mail …). One instance serves every jurisdiction routed to its <see cref="Kind"/>; per-jurisdiction
/// settings such as secrets come from the adapter's own configuration, keyed by
/// <see cref="DeliveryRoute.JurisdictionId"/>. A new adapter is a folder under <c>Adapters/</c> (client, mapping,
/// options, one registration method) and one line in <c>WorkerServiceCollectionExtensions</c>.
/// </summary>
/// <remarks>
/// Contract for implementers:
/// <list type="bullet">
/// <item>Report what the back office answered as an <see cref="AdapterResult"/>: accepted → Delivered, refused for
/// good → Rejected, "maybe later" (5xx, timeout, unreachable, throttled) → Failed. Do not throw for those: the
/// consumer decides between a short retry and handing the attempt back to the API.</item>
/// <item>Throw (for example <see cref="InvalidOperationException"/>) only when this worker can never deliver the
/// message as configured — a missing secret, an unusable endpoint, a destination its configuration does not allow
/// (<see cref="Destinations.DestinationPolicy"/>). The message then goes to the error queue without retries and the
/// API marks the delivery failed.</item>
/// <item>Be idempotent from the back office's point of view: the same message may arrive more than once
/// (short retries, redelivery, long retries). Send an idempotency key derived from our ids, or look for an earlier
/// copy when <see cref="AttemptContext.MayRepeat"/> says one may exist. specs/adapters.md states each adapter's window.</item>
/// <item>Bound the whole exchange (answer body included) by the adapter's timeout.</item>
/// <item>Let <see cref="OperationCanceledException"/> from the given token propagate: the worker is stopping.</item>
/// </list>
/// </remarks>
public interface IBackOfficeAdapter
{
    /// <summary>The value of <see cref="DeliveryRoute.Adapter"/> this adapter serves, one of <see cref="Contracts.Adapters.AdapterKinds"/>.</summary>
    string Kind { get; }

    /// <summary>Forwards a new report.</summary>
    Task<AdapterResult> ForwardRequestAsync(ServiceRequestSubmitted message, AttemptContext attempt, CancellationToken cancellationToken);

    /// <summary>Forwards a citizen's follow-up on a report the back office already has.</summary>
    Task<AdapterResult> ForwardCitizenUpdateAsync(CitizenUpdateSubmitted message, AttemptContext attempt, CancellationToken cancellationToken);
}
