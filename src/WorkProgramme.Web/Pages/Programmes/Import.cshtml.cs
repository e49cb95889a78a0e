using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Packages;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>
/// Editors upload an Excel workbook or a Word document, see what it would change activity by activity, then confirm:
/// the change is applied all or nothing. A refused file shows its problems (sheet, row, column) and changes nothing.
/// </summary>
[RequestSizeLimit(UploadLimit)]
// The part headers may take the whole body: with the default 16 KB, a longer file name made the form unreadable, and the
// antiforgery check answered a bare 400 before the page could say why. Names are refused in words below instead.
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit, MultipartHeadersLengthLimit = (int)UploadLimit)]
public sealed class ImportModel(ImportTable.Handler handler, PendingUploads uploads) : PageModel
{
    /// <summary>The file itself plus the form around it.</summary>
    public const long UploadLimit = OfficeUpload.RequestLimit;

    /// <summary>What Windows, macOS and Linux allow a file name: a longer one was not chosen on a disk.</summary>
    public const int MaxFileNameLength = OfficeUpload.MaxFileNameLength;

    public string Slug { get; private set; } = "";

    public ImportTable.Outcome? Outcome { get; private set; }

    public IReadOnlyList<TableProblem> Problems { get; private set; } = [];

    /// <summary>Names the kept upload the confirmation applies.</summary>
    public string? Token { get; private set; }

    public string? Kind { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>The draft and the file as previewed: the confirmation sends it back, and a changed draft refuses it.</summary>
    public string? State { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) => await GuardAsync(slug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostPreviewAsync(string slug, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await GuardAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        FileName = upload is null ? null : Path.GetFileName(upload.FileName);
        var (content, extension, problem) = await OfficeUpload.ReadAsync(upload, [".xlsx", ".docx"],
            new("Choisissez un fichier .xlsx ou .docx.", "Choose an .xlsx or .docx file."),
            new("Seuls les classeurs Excel (.xlsx) et les documents Word (.docx) sont acceptés.", "Only Excel workbooks (.xlsx) and Word documents (.docx) are accepted."),
            cancellationToken);
        if (problem is not null || content is null)
        {
            return Refuse(problem!.Fr!, problem.En!);
        }

        var kind = extension![1..];
        var result = await RunAsync(slug, kind, content, apply: false, state: null, cancellationToken);
        if (result.Succeeded)
        {
            Token = await uploads.KeepAsync(UserId, content, cancellationToken);
            Kind = kind;
            State = result.Value!.State;
        }

        return await ShowAsync(result);
    }

    public async Task<IActionResult> OnPostApplyAsync(string slug, string? token, string? kind, string? state, CancellationToken cancellationToken)
    {
        if (await GuardAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var content = await uploads.FindAsync(UserId, token, cancellationToken);
        if (content is null || kind is not ("xlsx" or "docx"))
        {
            return Refuse("Ce fichier n’est plus disponible : envoyez-le de nouveau.", "This file is no longer available: upload it again.");
        }

        var result = await RunAsync(slug, kind, content, apply: true, state, cancellationToken);
        if (result.Succeeded)
        {
            uploads.Forget(UserId, token!);
        }

        return await ShowAsync(result);
    }

    private string UserId => HttpContext.Viewer().UserId ?? HttpContext.Viewer().Name ?? "";

    private async Task<Result<ImportTable.Outcome>> RunAsync(string slug, string kind, byte[] content, bool apply, string? state, CancellationToken cancellationToken)
    {
        var table = kind == "xlsx" ? SpreadsheetReader.Read(content) : WordTableReader.Read(content);
        return await handler.HandleAsync(new ImportTable.Command(HttpContext.Viewer(), slug, table, apply, state), cancellationToken);
    }

    private Task<IActionResult> ShowAsync(Result<ImportTable.Outcome> result) => this.AnswerAsync(result, outcome =>
    {
        Outcome = outcome;
        return Page();
    }, failure =>
    {
        if (failure.Kind is FailureKind.Invalid)
        {
            Outcome = result.Value;
            Problems = result.Value?.Problems ?? failure.Messages.Select(m => TableProblem.File(m.Message)).ToList();
            LogIfRejected();
            return Task.FromResult<IActionResult>(Answer());
        }

        // The draft (or the file) is no longer the one previewed: nothing was applied, and the preview must be seen again.
        // An archived programme says so instead (docs/decisions/0040).
        Problems = failure.Archived ? failure.Messages.Select(m => TableProblem.File(m.Message)).ToList() : [TableProblem.File("Le programme a été modifié depuis l’aperçu ; rien n’a été importé : envoyez le fichier de nouveau pour voir ce qu’il changerait maintenant.",
            "The programme was changed since the preview; nothing was imported: upload the file again to see what it would change now.")];
        LogIfRejected();
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return Task.FromResult<IActionResult>(page);
    });

    private PageResult Refuse(string fr, string en)
    {
        Problems = [TableProblem.File(fr, en)];
        LogIfRejected();
        return Answer();
    }

    /// <summary>The page either way; a refused file answers 422, so that a client or a script sees the refusal without reading the page.</summary>
    private PageResult Answer()
    {
        var page = Page();
        page.StatusCode = Problems.Count > 0 ? StatusCodes.Status422UnprocessableEntity : null;
        return page;
    }

    private void LogIfRejected()
    {
        if (Problems.Count > 0)
        {
            // A name over the limit is logged cut to it: the log is no place for 10 MB of file name.
            SecurityLog.ImportRejected(SecurityLog.For(HttpContext), SecurityLog.UserOf(HttpContext), Slug,
                FileName is { Length: > MaxFileNameLength } ? FileName[..MaxFileNameLength] + "…" : FileName, Problems.Count,
                Problems[0].Describe(Domain.Common.Language.En));
        }
    }

    private async Task<IActionResult?> GuardAsync(string slug, CancellationToken cancellationToken)
    {
        Slug = slug;

        // Whether this editor edits the programme's body is the edit policy's (ProgrammeBodyAuthorization).
        return await handler.ExistsAsync(slug, cancellationToken) ? null : NotFound();
    }
}
