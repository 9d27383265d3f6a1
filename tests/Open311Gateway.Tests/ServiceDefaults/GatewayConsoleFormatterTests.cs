using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Open311Gateway.ServiceDefaults.Logging;

namespace Open311Gateway.Tests.ServiceDefaults;

public class GatewayConsoleFormatterTests
{
    [Fact]
    public void A_JSON_line_carries_the_trace_id_the_values_and_no_query_string()
    {
        using var activity = new Activity("request").Start();
        var line = Write(json: true, "Request starting GET {Path}{QueryString}", "/open311/v2/requests.json", "?api_key=o311_a_b");

        var entry = JsonDocument.Parse(line).RootElement;
        Assert.Equal(activity.TraceId.ToHexString(), entry.GetProperty("trace_id").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), entry.GetProperty("span_id").GetString());
        Assert.Equal("Request starting GET /open311/v2/requests.json?[redacted]", entry.GetProperty("message").GetString());
        Assert.Equal("?[redacted]", entry.GetProperty("values").GetProperty("QueryString").GetString());
        Assert.Equal("Information", entry.GetProperty("level").GetString());
        Assert.Single(line.Trim().Split('\n'));
    }

    [Fact]
    public void A_text_line_is_one_line_with_the_trace_id()
    {
        using var activity = new Activity("message").Start();
        var line = Write(json: false, "Delivery {Id} failed:\nBearer {Key}", "d-1", "o311_a_b");

        Assert.Single(line.Trim().Split('\n'));
        Assert.Contains($"trace_id={activity.TraceId.ToHexString()}", line);
        Assert.Contains(" information Test.Category trace_id=", line);
        Assert.Contains("Delivery d-1 failed: Bearer [redacted]", line);
    }

    private static string Write(bool json, string format, params object[] values)
    {
        var options = new OptionsMonitor<GatewayConsoleFormatterOptions>(
            new OptionsFactory<GatewayConsoleFormatterOptions>([new ConfigureNamedOptions<GatewayConsoleFormatterOptions>(Options.DefaultName, o => o.Json = json)], []),
            [], new OptionsCache<GatewayConsoleFormatterOptions>());
        var formatter = new GatewayConsoleFormatter(options);
        // The state the logging extension methods build: the template and its values.
        var state = new FormattedState(format, values);
        using var writer = new StringWriter();
        formatter.Write(new LogEntry<FormattedState>(LogLevel.Information, "Test.Category", new EventId(1), state, null, (s, _) => s.ToString()), null, writer);
        return writer.ToString();
    }

    private sealed class FormattedState(string format, object[] values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly string[] _names = System.Text.RegularExpressions.Regex.Matches(format, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToArray();

        public KeyValuePair<string, object?> this[int index] =>
            index < _names.Length ? new(_names[index], values[index]) : new("{OriginalFormat}", format);

        public int Count => _names.Length + 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Enumerable.Range(0, Count).Select(i => this[i]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString()
        {
            var text = format;
            for (var i = 0; i < _names.Length; i++) text = text.Replace("{" + _names[i] + "}", values[i].ToString(), StringComparison.Ordinal);
            return text;
        }
    }
}
