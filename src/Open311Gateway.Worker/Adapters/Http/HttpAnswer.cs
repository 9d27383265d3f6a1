namespace Open311Gateway.Worker.Adapters.Http;

/// <summary>A back office's HTTP answer: status, the start of the body, and its media type.</summary>
public sealed record HttpAnswer(int Status, string Body, string? MediaType = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
