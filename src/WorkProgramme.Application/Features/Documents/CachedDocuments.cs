using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Documents;

/// <summary>The documents a programme is downloaded as.</summary>
public enum DocumentKind
{
    Annex,
    AnnexPdf,
    Workbook,
    Redline,
}

/// <summary>
/// The downloads, built once per state of the record (docs/decisions/0038): the annex in Word and PDF, the workbook and
/// the redline are kept in the <see cref="DocumentCache"/> under what was asked for, who may see drafts of the programme
/// (the only thing about the viewer a document depends on) and the record's stamp (<see cref="LatestChange.Stamp"/>, the
/// page cache's key), so any change of the record makes a new key and the next download builds anew. PDFs go through the
/// <see cref="PdfQueue"/>: a request that would wait too long hears its position.
/// </summary>
public static class CachedDocuments
{
    /// <param name="Version">The version (the newest the viewer sees when null); for the redline, <paramref name="To"/> and <paramref name="From"/>.</param>
    public sealed record Request(Viewer Viewer, DocumentKind Kind, string Slug, Language Language, string? Version = null, string? Session = null,
        bool Slippage = false, string? From = null, string? To = null);

    public sealed class Handler(WorkProgrammeDb db, DocumentCache cache, PdfQueue queue, LatestChange.Stamp stamps, ExportAnnex.Handler annex,
        ExportRedline.Handler redline, ExportSpreadsheet.Handler workbook)
    {
        /// <summary>
        /// The document, or why there is none, or its place in the PDF queue after waiting at most <paramref name="wait"/>
        /// (<see cref="PdfQueue.Wait"/> when null); null when the programme, a version or the session is unknown or hidden.
        /// </summary>
        public async Task<DocumentOutcome?> GetAsync(Request request, CancellationToken cancellationToken, TimeSpan? wait = null)
        {
            ArgumentNullException.ThrowIfNull(request);
            // Read first: a change made while the document is built leaves it under the older key, never the reverse.
            var stamp = await stamps.CurrentAsync(cancellationToken);
            if (await DocumentOfAsync(request, cancellationToken) is not { } document)
            {
                return null;
            }

            if (cache.Read(document, stamp) is { } cached)
            {
                return DocumentOutcome.Done(cached);
            }

            if (request.Kind != DocumentKind.AnnexPdf)
            {
                var built = await BuildAsync(request, cancellationToken);
                if (built is not null)
                {
                    cache.Write(document, stamp, built);
                }

                return built is null ? null : DocumentOutcome.Done(built);
            }

            if (queue.RecentFailure(document, stamp) is { } problem)
            {
                return DocumentOutcome.Failed(problem);
            }

            if (await queue.JoinAsync(document, stamp, wait, cancellationToken) is { } joined)
            {
                return joined;
            }

            // The PDF says exactly what the Word document says: converted from it, itself kept in the cache.
            if (await GetAsync(request with { Kind = DocumentKind.Annex }, cancellationToken) is not { File: { } docx })
            {
                return null;
            }

            return await queue.SubmitAsync(document, stamp, docx.Content, Path.ChangeExtension(docx.FileName, ".pdf"), wait, cancellationToken);
        }

        /// <summary>
        /// What the document is, as a string: the request with the version it resolves to (so that "the newest" and its label
        /// share one file) and whether the viewer sees the programme's drafts. Null when the programme or version is unknown or hidden.
        /// </summary>
        private async Task<string?> DocumentOfAsync(Request request, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.AsNoTracking().Include(p => p.Versions)
                .SingleOrDefaultAsync(p => p.Slug == request.Slug, cancellationToken);
            if (programme is null)
            {
                return null;
            }

            var visibility = programme.VisibleTo(request.Viewer);
            var version = request.Kind == DocumentKind.Redline ? request.To : visibility.NamedOrLatest(request.Version)?.Label;
            if (version is null)
            {
                return null;
            }

            var sight = visibility.SeesDrafts ? "drafts" : "published";
            return string.Join('\u001f', "v1", request.Kind, request.Slug, sight, request.Language.Code(), version, request.Session ?? "",
                request.Slippage ? "slippage" : "", request.From ?? "");
        }

        private async Task<CachedDocument?> BuildAsync(Request request, CancellationToken cancellationToken)
        {
            switch (request.Kind)
            {
                case DocumentKind.Annex:
                    var docx = await annex.DocxAsync(
                        new ExportAnnex.Query(request.Viewer, request.Slug, request.Language, request.Version, request.Session, request.Slippage),
                        cancellationToken);
                    return docx is null ? null : new CachedDocument(docx.Content, docx.ContentType, docx.FileName);
                case DocumentKind.Workbook:
                    var sheet = await workbook.HandleAsync(
                        new ExportSpreadsheet.Query(request.Viewer, request.Slug, request.Language, request.Version), cancellationToken);
                    return sheet is null ? null : new CachedDocument(sheet.Content, ProgrammeWorkbook.ContentType, sheet.FileName);
                case DocumentKind.Redline:
                    var changes = request.From is null || request.To is null
                        ? null
                        : await redline.HandleAsync(
                            new ExportRedline.Query(request.Viewer, request.Slug, request.From, request.To, request.Language), cancellationToken);
                    return changes is null ? null : new CachedDocument(changes.Content, changes.ContentType, changes.FileName);
                default:
                    throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Not built here.");
            }
        }
    }
}
