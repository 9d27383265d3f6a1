using System.Text;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>The CSV export: a header row, then one line per report (CRLF, RFC 4180), cells by <see cref="CsvCell"/>.</summary>
public sealed class CsvExportWriter : IExportWriter
{
    private const int FlushAtChars = 32 * 1024;
    private readonly StreamWriter _output;
    private readonly IReadOnlyList<string> _columns;
    private readonly StringBuilder _pending = new(FlushAtChars + 4096);

    public CsvExportWriter(Stream output, Jurisdiction jurisdiction)
    {
        _output = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        _columns = ExportFields.Columns(jurisdiction);
        for (var i = 0; i < _columns.Count; i++)
        {
            if (i > 0) _pending.Append(',');
            _pending.Append(_columns[i]);
        }
        _pending.Append("\r\n");
    }

    public async Task WriteAsync(ServiceRequest report, CancellationToken cancellationToken)
    {
        var fields = ExportFields.Of(report);
        // A field the API gains or loses must not shift every later cell under the wrong header.
        if (fields.Count != _columns.Count)
            throw new InvalidOperationException($"Report {report.Id} has {fields.Count} public fields, the CSV header {_columns.Count}.");
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Key != _columns[i])
                throw new InvalidOperationException($"Public field {fields[i].Key} of report {report.Id} is not the CSV column {_columns[i]}.");
            if (i > 0) _pending.Append(',');
            CsvCell.Append(_pending, fields[i].Value);
        }
        _pending.Append("\r\n");
        if (_pending.Length >= FlushAtChars) await FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _output.DisposeAsync();
    }

    // Kestrel allows no synchronous writes: the StreamWriter only ever writes asynchronously.
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(_pending, cancellationToken);
        await _output.FlushAsync(cancellationToken);
        _pending.Clear();
    }
}
