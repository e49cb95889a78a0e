using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Archive;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>
/// The archive (administrators): a Word programme with tracked changes becomes two versions, the same handler as
/// <c>wp import-docx --tracked-changes</c>. The upload shows the reading of every row and every doubt; confirming
/// applies it, refused with 409 when the programme changed since the preview (docs/decisions/0046).
/// </summary>
[RequestSizeLimit(OfficeUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = OfficeUpload.RequestLimit, MultipartHeadersLengthLimit = (int)OfficeUpload.RequestLimit)]
public sealed class ArchiveImportModel(ImportArchive.Handler handler, ActivityChoices.Handler choices, SessionCalendar.Handler calendar,
    PendingUploads uploads) : PageModel
{
    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? BodyCode { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? OldLabel { get; set; }

    [BindProperty]
    public string? NewLabel { get; set; }

    [BindProperty]
    public string? OldSession { get; set; }

    [BindProperty]
    public string? NewSession { get; set; }

    [BindProperty]
    public string? OldSymbol { get; set; }

    [BindProperty]
    public string? NewSymbol { get; set; }

    [BindProperty]
    public string OldState { get; set; } = Wire.Name(VersionState.Approved);

    [BindProperty]
    public string NewState { get; set; } = Wire.Name(VersionState.Endorsed);

    /// <summary>Names the kept upload the confirmation applies.</summary>
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    /// <summary>The programme and the file as previewed: the confirmation sends it back, and a change since refuses it.</summary>
    [BindProperty]
    public string? State { get; set; }

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<string> Sessions { get; private set; } = [];

    public ImportArchive.Outcome? Outcome { get; private set; }

    public IReadOnlyList<TableProblem> Problems { get; private set; } = [];

    /// <summary>What is wrong with a field, said again beside it (the body, the period), by the field's name.</summary>
    public IReadOnlyDictionary<string, BilingualText> FieldProblems { get; private set; } = new Dictionary<string, BilingualText>();

    /// <summary>The fields whose refusal is also said beside them.</summary>
    private static readonly string[] FieldsWithTheirProblem = ["body", "period"];

    public static IReadOnlyList<VersionState> States { get; } = Enum.GetValues<VersionState>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        FileName = upload is null ? null : Path.GetFileName(upload.FileName);
        var (content, _, problem) = await OfficeUpload.ReadAsync(upload, [".docx"],
            new("Choisissez un document Word (.docx).", "Choose a Word document (.docx)."),
            new("Seuls les documents Word (.docx) sont acceptés.", "Only Word documents (.docx) are accepted."), cancellationToken);
        if (problem is not null || content is null)
        {
            return Refuse(problem!);
        }

        var result = await RunAsync(content, apply: false, cancellationToken);
        if (result.Succeeded)
        {
            Token = await uploads.KeepAsync(UserId, content, cancellationToken);
            State = result.Value!.State;
        }

        return Show(result);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(State))
        {
            // The confirmation names the preview it confirms: without it, what would be written was never seen.
            return Refuse(new("Voyez d’abord la lecture du document, puis confirmez-la.", "See how the document reads first, then confirm it."));
        }

        var content = await uploads.FindAsync(UserId, Token, cancellationToken);
        if (content is null)
        {
            return Refuse(new("Ce fichier n’est plus disponible : envoyez-le de nouveau.", "This file is no longer available: upload it again."));
        }

        var result = await RunAsync(content, apply: true, cancellationToken);
        if (result.Succeeded)
        {
            uploads.Forget(UserId, Token!);
        }

        return Show(result);
    }

    private string UserId => HttpContext.Viewer().UserId ?? HttpContext.Viewer().Name ?? "";

    private Task<Result<ImportArchive.Outcome>> RunAsync(byte[] content, bool apply, CancellationToken cancellationToken)
    {
        var table = TrackedTableReader.Read(content);
        var oldState = Wire.TryParse<VersionState>(OldState, out var o) ? o : VersionState.Approved;
        var newState = Wire.TryParse<VersionState>(NewState, out var n) ? n : VersionState.Endorsed;
        return handler.HandleAsync(new ImportArchive.Command(HttpContext.Viewer(), table, FileName ?? "", Slug, BodyCode, Period, OldLabel, NewLabel,
            OldSession, NewSession, OldSymbol, NewSymbol, oldState, newState, apply, apply ? State : null), cancellationToken);
    }

    private IActionResult Show(Result<ImportArchive.Outcome> result)
    {
        if (result.Succeeded)
        {
            Outcome = result.Value;
            return Page();
        }

        var failure = result.Failure!;
        if (failure.Kind == FailureKind.Forbidden)
        {
            return Forbid();
        }

        Outcome = result.Value;
        Token = null;
        if (failure.Kind == FailureKind.Conflict)
        {
            // The programme is no longer the one previewed: nothing was imported, and the preview must be seen again.
            Problems = failure.Messages.Select(m => TableProblem.File(m.Message)).ToList();
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }

        if (result.Value?.Problems is { Count: > 0 } rows)
        {
            Problems = rows;
            return Answer();
        }

        // Listed above the form, as every refusal; the body's and the period's also beside their field.
        Problems = failure.Messages.Select(m => TableProblem.File(m.Message)).ToList();
        FieldProblems = failure.Messages.Where(m => FieldsWithTheirProblem.Contains(m.Field)).GroupBy(m => m.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        return Answer();
    }

    private PageResult Refuse(BilingualText problem)
    {
        Problems = [TableProblem.File(problem)];
        return Answer();
    }

    /// <summary>The page either way; a refused file answers 422, so that a client or a script sees the refusal without reading the page.</summary>
    private PageResult Answer()
    {
        var page = Page();
        page.StatusCode = Problems.Count > 0 ? StatusCodes.Status422UnprocessableEntity : null;
        return page;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (_, Bodies, _) = await choices.HandleAsync(null, cancellationToken);
        Sessions = (await calendar.HandleAsync(new SessionCalendar.Query(null), cancellationToken)).Sessions.Select(s => s.Key).ToList();
    }
}
