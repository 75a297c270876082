// `bench history --svg`: a valid, self-contained SVG with one line per series (workload, NFE, device),
// points placed by their medians, and every text escaped.
using System.Globalization;
using System.Xml.Linq;
using IShowTts.Ops.History;
using IShowTts.Ops.Tests.Bench;

namespace IShowTts.Ops.Tests.History;

public sealed class HistoryChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IReadOnlyList<HistoryRow> ThreeDaysOfTwoNfes(string device = "NVIDIA H200") =>
        HistoryRow.From(Enumerable.Range(0, 3).Select(day => Records.Record(
            [Records.Result(7, 0.040 - day * 0.002), Records.Result(32, 0.160 - day * 0.010)],
            new DateTimeOffset(2026, 11, 1 + day, 6, 0, 0, TimeSpan.Zero), device: device, commit: $"commit{day}")));

    [Fact]
    public void DrawsOneSeriesPerNfeAsValidSvg()
    {
        var svg = XDocument.Parse(HistoryChart.Render(ThreeDaysOfTwoNfes()));

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        var lines = svg.Descendants(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(3, l.Attribute("points")!.Value.Split(' ').Length));
        Assert.Equal(6, svg.Descendants(Svg + "circle").Count());
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("W1 NFE 7 on NVIDIA H200", texts);
        Assert.Contains("W1 NFE 32 on NVIDIA H200", texts);
        Assert.Contains("3 benches", texts);
        Assert.NotEqual(lines[0].Attribute("stroke")!.Value, lines[1].Attribute("stroke")!.Value);
    }

    [Fact]
    public void PointsArePlacedByTheirMedians()
    {
        var svg = XDocument.Parse(HistoryChart.Render(ThreeDaysOfTwoNfes()));
        double Cy(XElement c) => double.Parse(c.Attribute("cy")!.Value, CultureInfo.InvariantCulture);
        var circles = svg.Descendants(Svg + "circle").ToList();
        var nfe7 = circles.Take(3).Select(Cy).ToList();
        var nfe32 = circles.Skip(3).Select(Cy).ToList();

        // SVG y grows downwards: faster (smaller median) is lower on the chart, i.e. a larger y.
        Assert.True(nfe7[0] < nfe7[1] && nfe7[1] < nfe7[2], string.Join(", ", nfe7));
        Assert.All(nfe32, y => Assert.True(y < nfe7.Min()));
        // The axis tops out at 0.2 s (the nice ceiling of 0.16 s): 0.16 s sits 80 % up a 260-pixel plot that starts at y = 40.
        Assert.Equal(40 + 260 - 260 * 0.8, nfe32[0], 1);
        Assert.Contains("commit0", circles[0].Value);
    }

    [Fact]
    public void TextIsEscaped()
    {
        var text = HistoryChart.Render(ThreeDaysOfTwoNfes(device: "GPU <A&B>"));

        var svg = XDocument.Parse(text);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "W1 NFE 7 on GPU <A&B>");
    }

    [Fact]
    public void AnEmptyHistoryIsStillAChart()
    {
        var svg = XDocument.Parse(HistoryChart.Render([]));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "no benches yet");
    }

    [Theory]
    [InlineData(0.037, 0.05)]
    [InlineData(0.16, 0.2)]
    [InlineData(1.2, 2)]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(0, 1)]
    public void TheAxisTopIsANiceNumber(double value, double top) => Assert.Equal(top, HistoryChart.NiceCeiling(value), 12);

    [Fact]
    public void RowsCarryPassFailAndCanBeFilteredByNfe()
    {
        var records = new[]
        {
            Records.Record([Records.Result(7, 0.040), Records.Result(32, 0.160)], targetRtf: 0.02),
        };

        var rows = HistoryRow.From(records);
        var only32 = HistoryRow.From(records, nfe: 32);

        Assert.Equal([true, false], rows.Select(r => r.Passed)); // RTF 0.0096 ≤ 0.02; 0.0386 > 0.02
        Assert.Equal(32, Assert.Single(only32).Nfe);
        Assert.Null(HistoryRow.From([Records.Record([Records.Result(7, 0.040)])])[0].Passed);
    }
}
