using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Open311Gateway.ServiceDefaults.Logging;

/// <summary>
/// The console log format of API and worker: one line per entry with time, level, category, message, the entry's
/// values, and the trace and span id of the request or message it belongs to, everything passed through
/// <see cref="LogRedaction"/>. Scopes are left out on purpose: ASP.NET Core's request scope carries the raw path,
/// and a status link's path carries its token; the trace id is what ties a request's lines together.
/// </summary>
public sealed class GatewayConsoleFormatter(IOptionsMonitor<GatewayConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "open311";

    // Log lines are read by people and collectors, never put into HTML: umlauts and '<' stay as they are.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        var settings = options.CurrentValue;
        // The console logger formats on the logging thread, so the current activity is the entry's own.
        var activity = Activity.Current;
        var time = settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
        var entry = new RedactedEntry(
            time, logEntry.LogLevel, logEntry.Category, logEntry.EventId, LogRedaction.Redact(message),
            logEntry.Exception is null ? null : LogRedaction.Redact(logEntry.Exception.ToString()),
            activity?.TraceId.ToHexString(), activity?.SpanId.ToHexString(), Values(logEntry.State));
        if (settings.Json) WriteJson(entry, textWriter);
        else WriteText(entry, textWriter);
    }

    private static List<KeyValuePair<string, string?>> Values<TState>(TState state)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> pairs) return values;
        foreach (var (key, value) in pairs)
        {
            if (key == "{OriginalFormat}") continue;
            var text = value switch
            {
                null => null,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            values.Add(new(key, text is null ? null : LogRedaction.Redact(text)));
        }
        return values;
    }

    private static void WriteJson(RedactedEntry entry, TextWriter textWriter)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", entry.Time);
            json.WriteString("level", entry.Level.ToString());
            json.WriteString("category", entry.Category);
            if (entry.EventId.Id != 0) json.WriteNumber("event_id", entry.EventId.Id);
            json.WriteString("message", entry.Message);
            if (entry.Exception is not null) json.WriteString("exception", entry.Exception);
            if (entry.TraceId is not null) json.WriteString("trace_id", entry.TraceId);
            if (entry.SpanId is not null) json.WriteString("span_id", entry.SpanId);
            if (entry.Values.Count > 0)
            {
                json.WriteStartObject("values");
                foreach (var (key, value) in entry.Values) json.WriteString(key, value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        textWriter.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        textWriter.Write(Environment.NewLine);
    }

    private static void WriteText(RedactedEntry entry, TextWriter textWriter)
    {
        textWriter.Write(entry.Time.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(entry.Level.ToString().ToLowerInvariant());
        textWriter.Write(' ');
        textWriter.Write(entry.Category);
        if (entry.TraceId is not null) textWriter.Write($" trace_id={entry.TraceId} span_id={entry.SpanId}");
        textWriter.Write(": ");
        // One entry, one line: line breaks inside a message or stack trace are written as spaces.
        textWriter.Write(OneLine(entry.Message));
        if (entry.Exception is not null) textWriter.Write(" | " + OneLine(entry.Exception));
        textWriter.Write(Environment.NewLine);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private sealed record RedactedEntry(
        DateTimeOffset Time, LogLevel Level, string Category, EventId EventId, string Message, string? Exception,
        string? TraceId, string? SpanId, List<KeyValuePair<string, string?>> Values);
}
