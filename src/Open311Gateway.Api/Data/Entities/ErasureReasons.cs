namespace Open311Gateway.Api.Data.Entities;

public static class ErasureReasons
{
    /// <summary>The jurisdiction's retention after closing ran out (the scheduled job).</summary>
    public const string Retention = "retention";
    /// <summary>A person asked for their data to be erased (DSGVO Art. 17), through the operator command.</summary>
    public const string Request = "request";
}
