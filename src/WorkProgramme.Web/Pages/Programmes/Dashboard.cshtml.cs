using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Web.Infrastructure;
using WorkProgramme.Web.Infrastructure.Charts;

namespace WorkProgramme.Web.Pages.Programmes;

[OutputCache(PolicyName = PageCaching.PublicRecord)]
public sealed class DashboardModel(Dashboard.Handler handler, DeadlineSlippage.Handler slippage, Display display) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Session { get; set; }

    public Dashboard.Result Board { get; private set; } = null!;

    public DeadlineSlippage.Result Slippage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new Dashboard.Query(HttpContext.Viewer(), slug, Blank(Version), Blank(Session)), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Board = result;
        Slippage = (await slippage.HandleAsync(new DeadlineSlippage.Query(HttpContext.Viewer(), slug), cancellationToken))!;
        return Page();
    }

    public string SessionLabel(Dashboard.SessionOption session) => display.Session(session.Key);

    public string SessionLabel(IReadOnlyList<int> ordinals, int year, int month) => display.SessionName(Board.BodyCode, ordinals, year, month);

    public static IReadOnlyList<ChartSeries> LevelSeries(Display d) =>
        Enum.GetValues<ExecutionLevel>().Select(l => new ChartSeries(d.Enum(l), $"chart-fill--{l.ToString().ToLowerInvariant()}"))
            .Append(new ChartSeries(d.Label("Dashboard.NoReport"), "chart-fill--none"))
            .ToList();

    /// <summary>Activities by execution level, each bar in its level's colour (grey: no report), its word beside it.</summary>
    public BarChart Levels(string id, string title, IEnumerable<Dashboard.Slice<ExecutionLevel>> slices) =>
        new(id, title, [new ChartSeries(display.Label("Dashboard.Activities"), "chart-fill--brand")],
            slices.Select(s => new ChartBar(s.Key is { } l ? display.Enum(l) : display.Label("Dashboard.NoReport"), [s.Count])
            {
                FillClass = s.Key is { } level ? $"chart-fill--{level.ToString().ToLowerInvariant()}" : "chart-fill--none",
            }).ToList())
        {
            ShareOf = Board.Activities,
        };

    public BarChart Single<TKey>(string id, string title, IEnumerable<Dashboard.Slice<TKey>> slices, Func<TKey?, string> label)
        where TKey : struct => Counts(id, title, slices.Select(s => (label(s.Key), s.Count)));

    /// <summary>One bar per label, each an activity count.</summary>
    public BarChart Counts(string id, string title, IEnumerable<(string Label, int Count)> bars) =>
        new(id, title, [new ChartSeries(display.Label("Dashboard.Activities"), "chart-fill--brand")],
            bars.Select(b => new ChartBar(b.Label, [b.Count])).ToList())
        {
            ShareOf = Board.Activities,
        };

    /// <summary>Bars split by execution level, with a segment for activities without a report in the session.</summary>
    public BarChart ByLevel(string id, string title, IEnumerable<(string Label, IReadOnlyList<Dashboard.Slice<ExecutionLevel>> Levels)> bars) =>
        new(id, title, LevelSeries(display),
            bars.Select(b => new ChartBar(b.Label,
                Enum.GetValues<ExecutionLevel>().Select(l => b.Levels.SingleOrDefault(s => s.Key == l)?.Count ?? 0)
                    .Append(b.Levels.Where(s => s.Key is null).Sum(s => s.Count)).ToList())).ToList());

    /// <summary>Months each moved deadline slipped (an earlier deadline counts as zero on the chart; the table gives its sign).</summary>
    public BarChart SlippageChart(string title) =>
        new("slippage", title, [new ChartSeries(display.Label("Slippage.Months"), "chart-fill--red")],
            Slippage.Ranked.Take(15).Select(a => new ChartBar(a.Reference, [Math.Max(0, a.Months)])).ToList());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
