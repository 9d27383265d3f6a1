namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Hands JSON text on to the parser unchanged while a <see cref="JsonEscapeScanner"/> looks at it, and stops the
/// read with an <see cref="InvalidTextException"/> at the first lone surrogate escape: the body is not held whole.
/// </summary>
public sealed class SurrogateCheckingReader(TextReader inner) : TextReader
{
    private readonly JsonEscapeScanner _scanner = new();

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0) Checked([(char)c]);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Checked(buffer.AsSpan(index, inner.Read(buffer, index, count)));

    public override int Read(Span<char> buffer) => Checked(buffer[..inner.Read(buffer)]);

    public override async Task<int> ReadAsync(char[] buffer, int index, int count)
    {
        var read = await inner.ReadAsync(buffer, index, count);
        return Checked(buffer.AsSpan(index, read));
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Checked(buffer.Span[..read]);
    }

    private int Checked(ReadOnlySpan<char> read)
    {
        _scanner.Feed(read);
        return _scanner.Found ? throw InvalidTextException.LoneSurrogate("The JSON body") : read.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
