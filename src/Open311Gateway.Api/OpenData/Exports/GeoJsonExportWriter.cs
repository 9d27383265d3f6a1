using System.Text.Encodings.Web;
using System.Text.Json;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// The GeoJSON export (RFC 7946): a FeatureCollection, one Feature per report with the report's id, its point in
/// WGS 84 (longitude, latitude) or <c>null</c> for a report with only an address, and the public fields but
/// <c>lat</c>/<c>long</c> as properties.
/// </summary>
public sealed class GeoJsonExportWriter : IExportWriter
{
    private const int FlushAtBytes = 32 * 1024;
    private readonly Utf8JsonWriter _json;

    public GeoJsonExportWriter(Stream output)
    {
        // Umlauts as they are: the file is served as application/geo+json with nosniff, never embedded in HTML.
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        _json.WriteStartObject();
        _json.WriteString("type", "FeatureCollection");
        _json.WriteStartArray("features");
    }

    public async Task WriteAsync(ServiceRequest report, CancellationToken cancellationToken)
    {
        var fields = ExportFields.Of(report);
        _json.WriteStartObject();
        _json.WriteString("type", "Feature");
        _json.WriteString("id", (string?)fields[0].Value);
        if (report.Location is { } point)
        {
            _json.WriteStartObject("geometry");
            _json.WriteString("type", "Point");
            _json.WriteStartArray("coordinates");
            _json.WriteNumberValue(point.X);
            _json.WriteNumberValue(point.Y);
            _json.WriteEndArray();
            _json.WriteEndObject();
        }
        else
        {
            _json.WriteNull("geometry");
        }
        _json.WriteStartObject("properties");
        foreach (var (name, value) in fields)
        {
            if (name is ExportFields.Latitude or ExportFields.Longitude) continue;
            _json.WritePropertyName(name);
            WriteValue(value);
        }
        _json.WriteEndObject();
        _json.WriteEndObject();
        if (_json.BytesPending >= FlushAtBytes) await _json.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
        await _json.DisposeAsync();
    }

    private void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                _json.WriteNullValue();
                break;
            case string text:
                _json.WriteStringValue(text);
                break;
            case double number:
                _json.WriteNumberValue(number);
                break;
            case bool flag:
                _json.WriteBooleanValue(flag);
                break;
            case Open311List list:
                _json.WriteStartArray();
                foreach (var item in list.Items) WriteValue(item);
                _json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"A public field of type {value.GetType().Name} has no GeoJSON form.");
        }
    }
}
