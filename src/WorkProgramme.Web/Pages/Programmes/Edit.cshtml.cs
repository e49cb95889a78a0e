using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StrategicPlans;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>
/// Edits one activity, FR and EN side by side. The form carries the row version it was opened on and the values it
/// showed then; when someone else saved meanwhile, the fields the user did not touch take their values, the user's
/// changes are kept, and the fields both changed differently are shown with their version.
/// </summary>
public sealed class EditModel(EditActivity.Handler edit, RetireActivity.Handler retire, MoveActivity.Handler move, ActivityChoices.Handler choices) : PageModel
{
    [BindProperty]
    public ActivityForm Form { get; set; } = new();

    [BindProperty]
    public int RowVersion { get; set; }

    /// <summary>The values the form was opened with (hidden fields): the base of the merge on a conflict.</summary>
    [BindProperty]
    public ActivityForm Opened { get; set; } = new();

    /// <summary>
    /// The activity each "[[I.12]]" in the texts named when the form was shown (hidden field, "I.12=id;II.3=id"), so that
    /// a renumbering by someone else meanwhile does not move a reference to another activity.
    /// </summary>
    [BindProperty]
    public string? ShownReferences { get; set; }

    /// <summary>Turn "activité N" in the texts into references to the activities so numbered.</summary>
    [BindProperty]
    public bool LinkReferences { get; set; }

    public IReadOnlyList<EditActivity.Suggestion> Suggestions { get; private set; } = [];

    /// <summary>The number to give the activity in its section (the others move one place).</summary>
    [BindProperty]
    public int? MoveTo { get; set; }

    public int? Number { get; private set; }

    public string Slug { get; private set; } = "";

    public Guid ActivityId { get; private set; }

    public string Reference { get; private set; } = "";

    public IReadOnlyList<StrategicPlanElement> PlanElements { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<Domain.Activities.TaskType> TaskTypes { get; private set; } = [];

    public IReadOnlyList<BilingualText> Problems { get; private set; } = [];

    /// <summary>On a conflict: what the other person saved.</summary>
    public ActivityForm? Theirs { get; private set; }

    /// <summary>On a conflict: which fields clash and which took the other person's value.</summary>
    public ActivityMerge? Merge { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var current = await edit.EditableAsync(HttpContext.Viewer(), slug, id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        await LoadReferenceAsync(slug, id, current, cancellationToken);
        Show(current);
        RowVersion = current.RowVersion;
        Saved = Request.Query.ContainsKey("saved");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var outcome = await edit.HandleAsync(new EditActivity.FormCommand(HttpContext.Viewer(), slug, id, RowVersion,
            Form.ToFields(), LinkReferences, DecodeShown(ShownReferences)), cancellationToken);
        return await AnswerAsync(outcome, slug, id, cancellationToken, () => Url.Page("/Programmes/Edit", new { slug, id, saved = 1 })!);
    }

    public async Task<IActionResult> OnPostRetireAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var outcome = await retire.HandleAsync(new RetireActivity.Command(HttpContext.Viewer(), slug, id, RowVersion), cancellationToken);
        return await AnswerAsync(outcome, slug, id, cancellationToken, () => Url.Page("/Programmes/Activity", new { slug, id })!);
    }

    public async Task<IActionResult> OnPostMoveAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (MoveTo is not { } number)
        {
            var current = await edit.EditableAsync(HttpContext.Viewer(), slug, id, cancellationToken);
            if (current is null)
            {
                return NotFound();
            }

            await LoadReferenceAsync(slug, id, current, cancellationToken);
            Show(current);
            Problems = [new BilingualText("Indiquez le nouveau numéro de l’activité.", "Give the activity's new number.")];
            return Page();
        }

        var outcome = await move.HandleAsync(new MoveActivity.Command(HttpContext.Viewer(), slug, id, RowVersion, number), cancellationToken);
        if (outcome.Failure is { Kind: FailureKind.Invalid or FailureKind.Conflict or FailureKind.PreconditionRequired }
            && await edit.EditableAsync(HttpContext.Viewer(), slug, id, cancellationToken) is { } now)
        {
            // Only the number was posted: the activity's fields are shown as they are now.
            Show(now);
        }

        return await AnswerAsync(outcome, slug, id, cancellationToken, () => Url.Page("/Programmes/Edit", new { slug, id, saved = 1 })!);
    }

    private Task<IActionResult> AnswerAsync(Result<Versioned<ActivityContent>> outcome, string slug, Guid id, CancellationToken cancellationToken,
        Func<string> whenSaved) =>
        this.AnswerAsync(outcome, _ => LocalRedirect(whenSaved()), failure => RedrawAsync(failure, slug, id, cancellationToken));

    private async Task<IActionResult> RedrawAsync(Failure failure, string slug, Guid id, CancellationToken cancellationToken)
    {
        var current = (await edit.EditableAsync(HttpContext.Viewer(), slug, id, cancellationToken))!;
        await LoadReferenceAsync(slug, id, current, cancellationToken);
        Problems = failure.Problems;
        // A posted value that is not a boolean (a forged form) bound as false; the checkbox is drawn from that, not
        // from the text posted, which its tag helper cannot read back.
        ModelState.Remove(nameof(LinkReferences));
        if (failure.Kind is FailureKind.PreconditionRequired || failure.Stale)
        {
            // Keep the user's changes, take theirs where the user changed nothing, show where both changed; the next
            // save is made knowingly on top of the current version, which becomes the form's base.
            Theirs = ActivityForm.From(current.Activity);
            Merge = OpenedWasPosted() ? ActivityMerge.Of(Opened, Form, Theirs) : ActivityMerge.WithoutBase(Form, Theirs);
            Form = Merge.Form;
            Opened = ActivityForm.From(current.Activity);
            RowVersion = current.RowVersion;
            // The hidden field would otherwise be drawn from the version posted, and the next save refused again.
            ModelState.Remove(nameof(RowVersion));
            // The user's fields still say what the form showed; the fields taken from theirs say what is shown now.
            ShownReferences = EncodeShown(DecodeShown(ShownReferences).Concat(current.ShownReferences)
                .GroupBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));
        }

        return Page();
    }

    /// <summary>The form as the activity stands: its fields, the base of a later merge, and the activity each reference names.</summary>
    private void Show(EditActivity.Current current)
    {
        Form = ActivityForm.From(current.Activity);
        Opened = ActivityForm.From(current.Activity);
        ShownReferences = EncodeShown(current.ShownReferences);
    }

    private static string EncodeShown(IReadOnlyDictionary<string, Guid> shown) =>
        string.Join(";", shown.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value:D}"));

    /// <summary>The posted map; a part that is not "label=id" (a forged form) is left out, and its label names the activity so numbered now.</summary>
    private static Dictionary<string, Guid> DecodeShown(string? encoded)
    {
        var shown = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var part in (encoded ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            if (at > 0 && Guid.TryParse(part[(at + 1)..], out var id))
            {
                shown[part[..at]] = id;
            }
        }

        return shown;
    }

    /// <summary>
    /// Whether the post said what the form was opened with. A hand-made one may not, and the binder then makes an empty
    /// form of nothing, which would read as the user having filled in every field.
    /// </summary>
    private bool OpenedWasPosted() =>
        Request.HasFormContentType && Request.Form.Keys.Any(key => key.StartsWith(nameof(Opened) + ".", StringComparison.Ordinal));

    private async Task LoadReferenceAsync(string slug, Guid id, EditActivity.Current current, CancellationToken cancellationToken)
    {
        Slug = slug;
        ActivityId = id;
        Reference = new ActivityLabel(Wire.TryParse<Section>(current.Activity.Section, out var section) ? section : Section.TimeBound, current.Activity.Number).ToString();
        Number = current.Activity.Number;
        (PlanElements, Bodies, TaskTypes) = await choices.HandleAsync(slug, cancellationToken);
        Suggestions = await edit.SuggestReferencesAsync(HttpContext.Viewer(), slug, id, cancellationToken);
    }
}
