using System.Net;

namespace Open311Gateway.Tests.Worker;

/// <summary>An answer body that starts and then never ends, as from a back office that sent its headers and stalled.</summary>
public sealed class StallingContent : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await Task.Delay(Timeout.Infinite);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new StallingStream());

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private sealed class StallingStream : MemoryStream
    {
        private bool _first = true;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_first)
            {
                _first = false;
                buffer.Span[0] = (byte)'{';
                return 1;
            }
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
