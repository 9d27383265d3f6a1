namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>Redmine answered a read with an HTTP status other than success; the attempt (or poll) failed with it.</summary>
public sealed class RedmineStatusException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
