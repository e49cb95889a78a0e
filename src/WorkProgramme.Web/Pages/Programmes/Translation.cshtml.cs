using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>
/// Editors download the texts to translate as XLIFF 1.2 for the translation service, then upload what comes back: a
/// preview lists each text applied, unchanged, stale or refused with the reason; the confirmation applies the
/// translations in one transaction, refused with 409 when the programme changed since the preview (docs/decisions/0043).
/// </summary>
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit, MultipartHeadersLengthLimit = (int)UploadLimit)]
public sealed class TranslationModel(ExportTranslation.Handler exporter, ImportTranslation.Handler importer, PendingUploads uploads) : PageModel
{
    public const long UploadLimit = Xliff.MaxFileBytes + (64 * 1024);

    public string Slug { get; private set; } = "";

    public IReadOnlyList<string> Versions { get; private set; } = [];

    public ImportTranslation.Outcome? Outcome { get; private set; }

    public IReadOnlyList<BilingualText> Problems { get; private set; } = [];

    public string? Token { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>The records and the file as previewed: the confirmation sends it back.</summary>
    public string? State { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) => await GuardAsync(slug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(string slug, string? to, string? version, bool all, CancellationToken cancellationToken)
    {
        if (await GuardAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Languages.TryParse(to, out var target))
        {
            return BadRequest();
        }

        var export = await exporter.HandleAsync(new ExportTranslation.Query(HttpContext.Viewer(), slug, target, version, All: all), cancellationToken);
        if (export is null)
        {
            return NotFound();
        }

        using var buffer = new MemoryStream();
        Xliff.Write(buffer, [export.File]);
        return File(buffer.ToArray(), "application/xliff+xml", $"{slug}-{export.VersionLabel}.{target.Code()}.xlf");
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await GuardAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        FileName = upload is null ? null : Path.GetFileName(upload.FileName);
        if (upload is null || upload.Length == 0)
        {
            return Refuse(new BilingualText("Choisissez un fichier .xlf ou .xliff.", "Choose an .xlf or .xliff file."));
        }

        if (FileName!.Length > ImportModel.MaxFileNameLength)
        {
            FileName = FileName[..ImportModel.MaxFileNameLength] + "…";
            return Refuse(new BilingualText(
                $"Le nom du fichier est trop long (au plus {ImportModel.MaxFileNameLength} caractères) : renommez-le, puis envoyez-le de nouveau.",
                $"The file name is too long (at most {ImportModel.MaxFileNameLength} characters): rename the file, then upload it again."));
        }

        if (upload.Length > Xliff.MaxFileBytes)
        {
            return Refuse(new BilingualText("Ce fichier dépasse 10 Mo : il est refusé.", "This file is larger than 10 MB: it is refused."));
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var result = await RunAsync(slug, content, apply: false, state: null, cancellationToken);
        if (result.Succeeded)
        {
            Token = await uploads.KeepAsync(UserId, content, cancellationToken);
            State = result.Value!.State;
        }

        return await ShowAsync(result);
    }

    public async Task<IActionResult> OnPostApplyAsync(string slug, string? token, string? state, CancellationToken cancellationToken)
    {
        if (await GuardAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        var content = await uploads.FindAsync(UserId, token, cancellationToken);
        if (content is null)
        {
            return Refuse(new BilingualText("Ce fichier n’est plus disponible : envoyez-le de nouveau.", "This file is no longer available: upload it again."));
        }

        var result = await RunAsync(slug, content, apply: true, state, cancellationToken);
        if (result.Succeeded)
        {
            uploads.Forget(UserId, token!);
        }

        return await ShowAsync(result);
    }

    private string UserId => HttpContext.Viewer().UserId ?? HttpContext.Viewer().Name ?? "";

    private Task<Result<ImportTranslation.Outcome>> RunAsync(string slug, byte[] content, bool apply, string? state, CancellationToken cancellationToken) =>
        importer.HandleAsync(new ImportTranslation.Command(HttpContext.Viewer(), slug, Xliff.Read(new MemoryStream(content)), apply, state), cancellationToken);

    private Task<IActionResult> ShowAsync(Result<ImportTranslation.Outcome> result) => this.AnswerAsync(result, outcome =>
    {
        Outcome = outcome;
        return Page();
    }, failure =>
    {
        if (failure.Kind is FailureKind.Invalid)
        {
            return Task.FromResult<IActionResult>(Refuse(failure.Problems.ToArray()));
        }

        // The texts (or the file) are no longer those previewed: nothing was applied, and the preview must be seen again.
        // An archived programme says so instead (docs/decisions/0040).
        Problems = failure.Archived ? failure.Problems : [new BilingualText(
            "Le programme a été modifié depuis l’aperçu ; aucune traduction n’a été appliquée : envoyez le fichier de nouveau pour voir ce qu’il changerait maintenant.",
            "The programme was changed since the preview; no translation was applied: upload the file again to see what it would change now.")];
        var page = Page();
        page.StatusCode = StatusCodes.Status409Conflict;
        return Task.FromResult<IActionResult>(page);
    });

    /// <summary>The page with the refusal; 422, so that a client or a script sees it without reading the page.</summary>
    private PageResult Refuse(params BilingualText[] problems)
    {
        Problems = problems;
        SecurityLog.ImportRejected(SecurityLog.For(HttpContext), SecurityLog.UserOf(HttpContext), Slug, FileName, problems.Length,
            problems[0].En ?? "");
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task<IActionResult?> GuardAsync(string slug, CancellationToken cancellationToken)
    {
        Slug = slug;
        var versions = await exporter.VersionsAsync(HttpContext.Viewer(), slug, cancellationToken);
        if (versions is null)
        {
            return NotFound();
        }

        Versions = versions;
        return null;
    }
}
