namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>Redmine answered with something the adapter cannot read: a failed attempt, not a verdict.</summary>
public sealed class RedmineAnswerException(string message, Exception? inner = null) : FormatException(message, inner);
