using Npgsql;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Tests.Data;

public sealed class ConnectionTuningTests
{
    [Fact]
    public void A_connection_string_without_them_gets_auto_prepare_and_no_reset_on_close()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.Tuned("Host=db;Database=open311"));

        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Fact]
    public void What_a_connection_string_sets_itself_is_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            DataServiceCollectionExtensions.Tuned("Host=db;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
