using System.Globalization;
using System.Text;
using static Open311Gateway.Api.Operator.OperatorHtml;

namespace Open311Gateway.Api.Operator;

/// <summary>
/// Reports accepted and delivered per hour as inline SVG: two bars an hour, drawn by the page itself (no script, no font,
/// no image). Each bar carries its hour and value as data attributes and a title, for people and for the browser test.
/// </summary>
public static class HourlyChart
{
    private const int Width = 960, Height = 220, Left = 40, Bottom = 30, Top = 10;

    public static string Render(IReadOnlyList<HourlyActivityRow> hours)
    {
        var max = Math.Max(1, hours.Count == 0 ? 1 : hours.Max(h => Math.Max(h.Accepted, h.Delivered)));
        var plotHeight = Height - Bottom - Top;
        var slot = (double)(Width - Left) / Math.Max(1, hours.Count);
        var bar = Math.Max(1, slot / 2 - 2);
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"chart-title\" data-chart=\"hourly\">")
            .Append("<title id=\"chart-title\">Reports accepted and delivered per hour (UTC)</title>");
        // Axis: zero line, the maximum, and half of it.
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Top + plotHeight * (1 - fraction);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d0d7de\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Math.Round(max * fraction):0}</text>");
        }
        for (var i = 0; i < hours.Count; i++)
        {
            var hour = hours[i];
            var x = Left + i * slot + 1;
            Bar(svg, "accepted", "#0969da", hour.Hour, hour.Accepted, x, bar, max, plotHeight);
            Bar(svg, "delivered", "#1a7f37", hour.Hour, hour.Delivered, x + bar + 1, bar, max, plotHeight);
            if (i % 3 == 0)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Height - 10}\">{hour.Hour.UtcDateTime:HH}:00</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static void Bar(StringBuilder svg, string series, string colour, DateTimeOffset hour, int value, double x, double width, int max, int plotHeight)
    {
        var height = (double)plotHeight * value / max;
        var at = hour.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect data-series=\"{series}\" data-hour=\"{at}\" data-value=\"{value}\" x=\"{x:0.##}\" y=\"{Top + plotHeight - height:0.##}\" width=\"{width:0.##}\" height=\"{height:0.##}\" fill=\"{colour}\">")
            .Append("<title>").Append(H($"{at}: {value} {series}")).Append("</title></rect>");
    }
}
