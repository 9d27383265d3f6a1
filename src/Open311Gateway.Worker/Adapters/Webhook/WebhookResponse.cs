namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>The back office's HTTP answer: status and the start of the body.</summary>
public sealed record WebhookResponse(int Status, string Body);
