using System.Net;
using System.Net.Sockets;

namespace Open311Gateway.Api.RateLimiting;

/// <summary>
/// The partition of a client address. The address is the socket's, or X-Forwarded-For's when a trusted proxy sent
/// it (ADR 17): the forwarded-headers middleware has run by then. IPv6 counts per /64, the block one subscriber
/// usually gets: else a client would take a fresh address from its own block for every request.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string PartitionOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
