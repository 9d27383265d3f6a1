using System.Net;
using Microsoft.AspNetCore.Http;
using Open311Gateway.Api.RateLimiting;

namespace Open311Gateway.Tests.RateLimiting;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::ffff", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void An_address_partitions_as_itself_or_its_ipv6_64_block(string address, string partition)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        Assert.Equal(partition, ClientAddress.PartitionOf(context));
    }

    [Fact]
    public void No_address_is_one_partition_of_its_own() =>
        Assert.Equal(ClientAddress.Unknown, ClientAddress.PartitionOf(new DefaultHttpContext()));
}
