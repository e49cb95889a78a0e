using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Web.Infrastructure;
using WorkProgramme.Web.Infrastructure.Charts;

namespace WorkProgramme.Web.Pages.Programmes;

public sealed class WorkloadModel(Workload.Handler handler, Display display) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Version { get; set; }

    /// <summary>The assumed share of a full-time post per officer named on an activity, in per cent (the estimate's method).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Share { get; set; }

    public Workload.Result Load { get; private set; } = null!;

    public int SharePercent => (int)Math.Round(Load.Share * 100);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new Workload.Query(HttpContext.Viewer(), slug, string.IsNullOrWhiteSpace(Version) ? null : Version,
            Share is { } percent ? percent / 100m : null), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Load = result;
        return Page();
    }

    public static string Officers(decimal min, decimal max) => min == max
        ? min.ToString("0.#", CultureInfo.CurrentCulture)
        : $"{min.ToString("0.#", CultureInfo.CurrentCulture)}–{max.ToString("0.#", CultureInfo.CurrentCulture)}";

    /// <summary>Full-time equivalents, one decimal: "12.1–17.9".</summary>
    public static string Fte(decimal min, decimal max) => min == max
        ? min.ToString("0.0", CultureInfo.CurrentCulture)
        : $"{min.ToString("0.0", CultureInfo.CurrentCulture)}–{max.ToString("0.0", CultureInfo.CurrentCulture)}";

    /// <summary>The lower estimate stacked with the part only the upper estimate adds; charts count whole officers.</summary>
    public BarChart Chart<TKey>(string id, string title, IEnumerable<Workload.Total<TKey>> totals, Func<TKey?, string> label)
        where TKey : struct =>
        new(id, title,
            [new ChartSeries(display.Label("Workload.AtLeast"), "chart-fill--brand"), new ChartSeries(display.Label("Workload.UpTo"), "chart-fill--none")],
            totals.Select(t => new ChartBar(label(t.Key), [(int)Math.Round(t.Min), (int)Math.Round(t.Max - t.Min)])).ToList());
}
