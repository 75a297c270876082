// The bench history as a small self-contained SVG: median seconds per request over time, one line and
// colour per series (workload, NFE, device), points with a tooltip (date, commit, median, RTF), a log-free
// linear axis from 0, the dates of the first and last bench. Our own few lines; no charting package.
using System.Globalization;
using System.Security;
using System.Text;

namespace IShowTts.Ops.History;

public static class HistoryChart
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    public static string Render(IReadOnlyList<HistoryRow> rows, string title = "ishowtts bench history: median seconds per request")
    {
        const int width = 800, height = 420, left = 70, right = 20, top = 40, bottom = 120;
        int plotW = width - left - right, plotH = height - top - bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"24\" font-size=\"15\">{Escape(title)}</text>\n");
        if (rows.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{top + plotH / 2}\">no benches yet</text>\n</svg>\n");
            return svg.ToString();
        }
        var times = rows.Select(r => r.Timestamp).Distinct().Order().ToList();
        double yMax = NiceCeiling(rows.Max(r => r.Median));
        double X(DateTimeOffset t) => left + (times.Count == 1 ? plotW / 2.0 : plotW * times.IndexOf(t) / (double)(times.Count - 1));
        double Y(double v) => top + plotH - plotH * v / yMax;

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotH}\" x2=\"{left + plotW}\" y2=\"{top + plotH}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotH}\" stroke=\"black\"/>\n");
        for (int i = 0; i <= 4; i++)
        {
            double v = yMax * i / 4, y = Y(v);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y:F1}\" x2=\"{left + plotW}\" y2=\"{y:F1}\" stroke=\"#ddd\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{FormatSeconds(v)}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{top + plotH + 18}\">{times[0]:yyyy-MM-dd HH:mm}</text>\n");
        if (times.Count > 1)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + plotW}\" y=\"{top + plotH + 18}\" text-anchor=\"end\">{times[^1]:yyyy-MM-dd HH:mm}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + plotW / 2}\" y=\"{top + plotH + 18}\" text-anchor=\"middle\">{times.Count} benches</text>\n");

        var series = rows.GroupBy(r => r.Series).ToList();
        for (int s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            var points = series[s].OrderBy(r => r.Timestamp).ToList();
            if (points.Count > 1)
                svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"")
                   .AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Timestamp):F1},{Y(p.Median):F1}")))
                   .Append("\"/>\n");
            foreach (var p in points)
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle cx=\"{X(p.Timestamp):F1}\" cy=\"{Y(p.Median):F1}\" r=\"3.5\" fill=\"{colour}\"><title>{Escape($"{p.Timestamp:yyyy-MM-dd HH:mm} {p.Commit}: {FormatSeconds(p.Median)}, RTF {p.Rtf:F4}, ±{p.Spread * 100:F1} %")}</title></circle>\n");
            int ly = top + plotH + 40 + 16 * s;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{ly - 9}\" width=\"12\" height=\"10\" fill=\"{colour}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 18}\" y=\"{ly}\">{Escape(series[s].Key)}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>1, 2 or 5 × a power of ten, at least the value (the axis top).</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0 || double.IsNaN(value)) return 1;
        double power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (m * power >= value) return m * power;
        return 10 * power;
    }

    private static string FormatSeconds(double s) =>
        s >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{s:0.##} s") : string.Create(CultureInfo.InvariantCulture, $"{s * 1000:0.#} ms");

    private static string Escape(string s) => SecurityElement.Escape(s) ?? "";
}
