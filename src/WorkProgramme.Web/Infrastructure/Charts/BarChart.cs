using System.Globalization;

namespace WorkProgramme.Web.Infrastructure.Charts;

/// <summary>One series of a chart: a name for the legend and the table, and the CSS class that colours it.</summary>
public sealed record ChartSeries(string Label, string FillClass);

/// <summary>One bar: its label and one value per series (stacked in series order).</summary>
public sealed record ChartBar(string Label, IReadOnlyList<int> Values)
{
    public int Total => Values.Sum();

    /// <summary>A colour of this bar's own in a one-series chart (the level chart: each level in its colour).</summary>
    public string? FillClass { get; init; }
}

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: no script, so it prints and passes a strict CSP; its numbers are
/// also given as a table and as a text alternative, so colour and shape never carry them alone.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartBar> Bars)
{
    public const int LabelWidth = 230;
    public const int PlotWidth = 380;
    public const int BarHeight = 22;
    public const int Gap = 10;
    public const int Width = LabelWidth + PlotWidth + 60;

    /// <summary>Shares are of this total (all activities); null: shares of each bar's own total.</summary>
    public int? ShareOf { get; init; }

    public int Height => (Bars.Count * (BarHeight + Gap)) + Gap;

    public bool Stacked => Series.Count > 1;

    private int Scale => Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(b => b.Total));

    public IEnumerable<Segment> Segments(int barIndex)
    {
        var bar = Bars[barIndex];
        double x = LabelWidth;
        for (var s = 0; s < Series.Count; s++)
        {
            var width = (double)bar.Values[s] / Scale * PlotWidth;
            var fill = !Stacked && bar.FillClass is { } own ? own : Series[s].FillClass;
            yield return new Segment(Series[s], bar.Values[s], Number(x), Number(width), fill);
            x += width;
        }
    }

    public int Y(int barIndex) => Gap + (barIndex * (BarHeight + Gap));

    public string EndOf(int barIndex) => Number(LabelWidth + ((double)Bars[barIndex].Total / Scale * PlotWidth) + 6);

    /// <summary>Percentage of a value, one decimal, in the reader's culture.</summary>
    public string Share(int value, int barTotal)
    {
        var of = ShareOf ?? barTotal;
        return of == 0 ? "—" : ((double)value / of).ToString("P1", CultureInfo.CurrentCulture);
    }

    /// <summary>The text alternative: every bar with its numbers, in words.</summary>
    public string Description => string.Join("; ", Bars.Select(b => Stacked
        ? $"{b.Label}: {string.Join(", ", Series.Select((s, i) => $"{s.Label} {b.Values[i]}"))}"
        : $"{b.Label}: {b.Total} ({Share(b.Total, b.Total)})")) + ".";

    public static string Short(string label) => label.Length <= 32 ? label : label[..31] + "…";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public sealed record Segment(ChartSeries Series, int Value, string X, string Width, string FillClass);
}
