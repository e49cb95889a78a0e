using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Comments;
using WorkProgramme.Application.Features.Decisions;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Application.Writes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Rounds;

/// <summary>One activity's status report for the round: keyword (level shown live), milestones, next steps, narrative.</summary>
public sealed class ReportModel(ReportForm.Handler form, WriteReport.Handler write, Comments.Handler comments, SessionDecisions.Handler decisions,
    ReportSuggestions.Handler suggest) : PageModel
{
    /// <summary>The suggestion to copy into its field ("narrative", "next-steps", "milestone-2"), without script.</summary>
    [BindProperty]
    public string? Use { get; set; }

    /// <summary>The translation memory's best match for each text whose English is empty (docs/decisions/0048).</summary>
    public IReadOnlyList<ReportSuggestions.Suggestion> Suggestions { get; private set; } = [];

    [BindProperty]
    public string? Keyword { get; set; }

    [BindProperty]
    public string? NarrativeFr { get; set; }

    [BindProperty]
    public string? NarrativeEn { get; set; }

    [BindProperty]
    public string? NextStepsFr { get; set; }

    [BindProperty]
    public string? NextStepsEn { get; set; }

    [BindProperty]
    public List<MilestoneInput> Milestones { get; set; } = [];

    [BindProperty]
    public int RowVersion { get; set; }

    /// <summary>Decisions of earlier sessions the officer ticked to add as milestones reached.</summary>
    [BindProperty]
    public List<int> AddDecisions { get; set; } = [];

    /// <summary>The committee's decisions on this activity at earlier sessions, not yet among the milestones.</summary>
    public IReadOnlyList<SessionDecisions.Offer> Offers { get; private set; } = [];

    public ReportForm.Result Report { get; private set; } = null!;

    /// <summary>What the committee's members said about this activity for this session.</summary>
    public IReadOnlyList<Comments.View> Feedback { get; private set; } = [];

    public BilingualText? Problem { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string session, Guid activityId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, session, activityId, cancellationToken))
        {
            return NotFound();
        }

        var r = Report.Report;
        Keyword = Wire.Name(r.Keyword);
        (NarrativeFr, NarrativeEn) = (r.Narrative.Fr, r.Narrative.En);
        (NextStepsFr, NextStepsEn) = (r.NextSteps.Fr, r.NextSteps.En);
        Milestones = [.. r.MilestonesReached.Select(m => new MilestoneInput { Date = m.Date, Fr = m.Text.Fr, En = m.Text.En })];
        RowVersion = r.RowVersion;
        Offers = await decisions.OffersAsync(activityId, session, r.MilestonesReached, cancellationToken);
        Saved = Request.Query.ContainsKey("saved");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string session, Guid activityId, CancellationToken cancellationToken)
    {
        var keyword = Wire.TryParse<StatusKeyword>(Keyword, out var parsed) ? parsed : (StatusKeyword?)null;
        var milestones = Milestones.Where(m => m.Date is not null || !string.IsNullOrWhiteSpace(m.Fr) || !string.IsNullOrWhiteSpace(m.En))
            .Select(m => new ReachedMilestone(m.Date, new BilingualText(m.Fr, m.En))).ToList();
        milestones.AddRange((await decisions.OffersAsync(activityId, session, milestones, cancellationToken))
            .Where(o => AddDecisions.Contains(o.DecisionId)).Select(o => o.Milestone));
        var result = await write.HandleAsync(new WriteReport.Update(HttpContext.Viewer(), slug, session, activityId, RowVersion, keyword,
            new BilingualText(NarrativeFr, NarrativeEn), new BilingualText(NextStepsFr, NextStepsEn), milestones), cancellationToken);
        switch (result.Failure)
        {
            case null:
                return RedirectToPage("/Rounds/Report", new { slug, session, activityId, saved = 1 });
            case { Kind: FailureKind.NotFound }:
                return NotFound();
            case { Kind: FailureKind.Forbidden }:
                return Forbid();
        }

        if (result.Failure is { Archived: true })
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        await LoadAsync(slug, session, activityId, cancellationToken);
        Problem = result.Failure is { Stale: true } or { Kind: FailureKind.PreconditionRequired }
            ? new BilingualText(
                "Quelqu’un a enregistré ce rapport pendant que vous le rédigiez. Votre texte est conservé ci-dessous ; le rapport enregistré est affiché à droite. Enregistrez à nouveau pour le remplacer.",
                "Someone saved this report while you were writing it. Your text is kept below; the saved report is shown on the right. Save again to replace it.")
            : result.Problems.FirstOrDefault();
        RowVersion = Report.Report.RowVersion;
        Offers = await decisions.OffersAsync(activityId, session, milestones, cancellationToken);
        return Page();
    }

    /// <summary>
    /// "Use this suggestion" without script: the form comes back as posted with the suggestion in its field; nothing is saved.
    /// </summary>
    public async Task<IActionResult> OnPostSuggestAsync(string slug, string session, Guid activityId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, session, activityId, cancellationToken))
        {
            return NotFound();
        }

        if (Suggestions.FirstOrDefault(s => s.Key == Use) is { } chosen)
        {
            switch (chosen.Field)
            {
                case ReportTextField.Narrative:
                    NarrativeEn = chosen.Text;
                    break;
                case ReportTextField.NextSteps:
                    NextStepsEn = chosen.Text;
                    break;
                default:
                    while (Milestones.Count <= chosen.Index)
                    {
                        Milestones.Add(new MilestoneInput());
                    }

                    Milestones[chosen.Index].En = chosen.Text;
                    break;
            }
        }

        Offers = await decisions.OffersAsync(activityId, session, Report.Report.MilestonesReached, cancellationToken);
        return Page();
    }

    /// <summary>"Translation checked": the editor confirms the report's texts say the same in both languages (clears the drift marks).</summary>
    public async Task<IActionResult> OnPostCheckTranslationAsync(string slug, string session, Guid activityId, CancellationToken cancellationToken)
    {
        var outcome = await write.HandleAsync(new WriteReport.CheckTranslation(HttpContext.Viewer(), slug, session, activityId, RowVersion), cancellationToken);
        return await this.FlashAsync(outcome, "Translation.ConfirmedFlash", new BilingualText(
                "Le rapport a été modifié entre-temps : relisez-le avant de confirmer la traduction.",
                "The report was changed in the meantime: read it again before confirming the translation."),
            () => RedirectToPage("/Rounds/Report", new { slug, session, activityId }));
    }

    private async Task<bool> LoadAsync(string slug, string session, Guid activityId, CancellationToken cancellationToken)
    {
        var result = await form.HandleAsync(new ReportForm.Query(HttpContext.Viewer(), slug, session, activityId), cancellationToken);
        if (result is null)
        {
            return false;
        }

        Report = result;
        Feedback = await comments.ListAsync(HttpContext.Viewer(), slug, activityId, session, cancellationToken);
        Suggestions = result.RoundOpen && result.Report.State != ReportState.Published
            ? await suggest.HandleAsync(result.Report, cancellationToken)
            : [];
        return true;
    }

    public sealed class MilestoneInput
    {
        public DateOnly? Date { get; set; }

        public string? Fr { get; set; }

        public string? En { get; set; }
    }
}
