using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Translation;

/// <summary>
/// The translation service's TMX taken into the memory (docs/decisions/0047), the page of <c>wp translation memory
/// --import</c>: an upload (the import pages' guard, then <see cref="Tmx.Read"/> through <see cref="SafeXml"/>), a
/// preview (pairs to add, already known, skipped with the reason), then the confirmation, which carries the preview's
/// digest and adds nothing when the memory or the file changed since. Who may: <see cref="ImportMemory.MayImport"/>.
/// </summary>
[RequestSizeLimit(OfficeUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = OfficeUpload.RequestLimit, MultipartHeadersLengthLimit = (int)OfficeUpload.RequestLimit)]
public sealed class MemoryModel(ImportMemory.Handler importer, PendingUploads uploads) : PageModel
{
    private static readonly string[] Kinds = [".tmx"];

    public ImportMemory.Outcome? Outcome { get; private set; }

    public IReadOnlyList<BilingualText> Problems { get; private set; } = [];

    public string? Token { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>What the preview showed: the confirmation sends it back.</summary>
    public string? State { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        FileName = upload is null ? null : Path.GetFileName(upload.FileName);
        var (content, _, problem) = await OfficeUpload.ReadAsync(upload, Kinds,
            new BilingualText("Choisissez un fichier .tmx.", "Choose a .tmx file."),
            new BilingualText("Seule une mémoire de traduction TMX (.tmx) est acceptée.", "Only a TMX translation memory (.tmx) is accepted."), cancellationToken);
        if (problem is not null)
        {
            FileName = FileName is { Length: > OfficeUpload.MaxFileNameLength } ? FileName[..OfficeUpload.MaxFileNameLength] + "…" : FileName;
            return Refuse(problem);
        }

        var result = await RunAsync(FileName!, content!, apply: false, state: null, cancellationToken);
        if (result.Succeeded)
        {
            Token = await uploads.KeepAsync(UserId, content!, cancellationToken);
            State = result.Value!.State;
        }

        return Show(result);
    }

    public async Task<IActionResult> OnPostApplyAsync(string? token, string? state, string? name, CancellationToken cancellationToken)
    {
        FileName = name;
        var content = await uploads.FindAsync(UserId, token, cancellationToken);
        if (content is null || string.IsNullOrWhiteSpace(name))
        {
            return Refuse(new BilingualText("Ce fichier n’est plus disponible : envoyez-le de nouveau.", "This file is no longer available: upload it again."));
        }

        if (string.IsNullOrEmpty(state))
        {
            // A confirmation must say which preview it confirms.
            return Conflict(new BilingualText(
                "La confirmation ne nomme pas l’aperçu qu’elle confirme ; rien n’a été ajouté : envoyez le fichier de nouveau.",
                "The confirmation does not name the preview it confirms; nothing was added: upload the file again."));
        }

        var result = await RunAsync(name, content, apply: true, state, cancellationToken);
        if (result.Succeeded)
        {
            uploads.Forget(UserId, token!);
        }

        return Show(result);
    }

    private string UserId => HttpContext.Viewer().UserId ?? HttpContext.Viewer().Name ?? "";

    private Task<Result<ImportMemory.Outcome>> RunAsync(string name, byte[] content, bool apply, string? state, CancellationToken cancellationToken) =>
        importer.HandleAsync(new ImportMemory.Command(HttpContext.Viewer(), name, Tmx.Read(new MemoryStream(content)), apply, state), cancellationToken);

    private IActionResult Show(Result<ImportMemory.Outcome> result)
    {
        if (result.Failure is not { } failure)
        {
            Outcome = result.Value;
            return Page();
        }

        return failure.Kind switch
        {
            FailureKind.Invalid => Refuse(failure.Problems.ToArray()),
            FailureKind.Forbidden => Forbid(),
            _ => Conflict(failure.Problems.ToArray()),
        };
    }

    /// <summary>The page with the problems and 409: nothing was added, the file must be previewed again.</summary>
    private PageResult Conflict(params BilingualText[] problems)
    {
        Problems = problems;
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    /// <summary>The page with the refusal; 422, so that a client or a script sees it without reading the page.</summary>
    private PageResult Refuse(params BilingualText[] problems)
    {
        Problems = problems;
        SecurityLog.ImportRejected(SecurityLog.For(HttpContext), SecurityLog.UserOf(HttpContext), "translation-memory", FileName, problems.Length,
            problems[0].En ?? "");
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }
}
