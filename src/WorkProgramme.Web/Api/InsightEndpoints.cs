using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>Feeds read by other programs: the programme's calendar for Outlook and other calendar clients.</summary>
public static class InsightEndpoints
{
    /// <summary>The endpoint's name, which pages link to it by.</summary>
    public const string Calendar = "ProgrammeCalendar";

    public static IEndpointRouteBuilder MapInsightFeeds(this IEndpointRouteBuilder endpoints)
    {
        // Calendar clients subscribe without signing in: the feed shows what the public programme shows (drafts only to
        // those who may see them, through the same snapshot rules).
        endpoints.MapGet("/programmes/{slug}/calendar.ics", CalendarAsync).WithName(Calendar).AllowAnonymous().WithTags("Insight")
            .WithSummary("Sessions and deadline milestones of a programme as iCalendar (?lang=fr|en).");
        return endpoints;
    }

    private static async Task<IResult> CalendarAsync(string slug, string? lang, HttpContext context, ProgrammeCalendar.Handler handler,
        LinkGenerator links, CancellationToken cancellationToken)
    {
        var language = lang is null ? Localization.CurrentLanguage : lang.Equals("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Fr;
        string ActivityUrl(Guid id) => links.GetUriByPage(context, "/Programmes/Activity", handler: null, new { slug, id })
            ?? throw new InvalidOperationException("No route leads to the activity page.");
        var result = await handler.HandleAsync(new ProgrammeCalendar.Query(context.Viewer(), slug, language, ActivityUrl), cancellationToken);
        return result is null
            ? Results.NotFound()
            : Results.Text(result.ToIcs(), "text/calendar; charset=utf-8", System.Text.Encoding.UTF8);
    }
}
