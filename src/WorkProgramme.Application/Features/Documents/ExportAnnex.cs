using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Features.Shared;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Documents;

/// <summary>
/// The programme as the official annex, in Word or PDF: one version (the latest unless named) with the status report of
/// one session (the current one unless named), in one language; on request followed by the deadline slippage table.
/// </summary>
public static class ExportAnnex
{
    /// <param name="Slippage">Adds the deadline slippage table after the programme; without it the document is the plain annex.</param>
    public sealed record Query(Viewer Viewer, string Slug, Language Language, string? VersionLabel = null, string? SessionKey = null,
        bool Slippage = false);

    /// <summary>A file to hand over: its bytes, type and a name that says what it holds.</summary>
    public sealed record File(byte[] Content, string ContentType, string FileName, AnnexDocument Document);

    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string PdfContentType = "application/pdf";

    public sealed class Handler(WorkProgrammeDb db, PdfConverter pdf)
    {
        /// <summary>The annex read from the database; null when the programme, version or session is unknown or hidden.</summary>
        public async Task<AnnexDocument?> BuildAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken, query.SessionKey);
            if (snapshot is null)
            {
                return null;
            }

            // Read before the references become text, as the dashboard reads it: the same deadlines, the same numbers.
            var slippage = query.Slippage ? DeadlineSlippage.Of(snapshot) : null;
            var annex = AnnexBuilder.Build(snapshot.WithReferencesAsText(), query.Language);
            return slippage is null ? annex : annex with { Slippage = AnnexBuilder.Slippage(slippage, snapshot.ReferenceText, query.Language) };
        }

        public async Task<File?> DocxAsync(Query query, CancellationToken cancellationToken)
        {
            var document = await BuildAsync(query, cancellationToken);
            if (document is null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            AnnexDocx.Write(document, buffer);
            return new File(buffer.ToArray(), DocxContentType, FileName(document, "docx"), document);
        }

        /// <summary>Our own .docx converted by LibreOffice, so the PDF says exactly what the Word document says.</summary>
        public async Task<PdfOutcome<File>?> PdfAsync(Query query, CancellationToken cancellationToken)
        {
            var docx = await DocxAsync(query, cancellationToken);
            if (docx is null)
            {
                return null;
            }

            var converted = await pdf.ConvertAsync(docx.Content, cancellationToken);
            return converted.Pdf is { } bytes
                ? PdfOutcome<File>.Done(new File(bytes, PdfContentType, FileName(docx.Document, "pdf"), docx.Document))
                : PdfOutcome<File>.Failed(converted.Problem!);
        }

        private static string FileName(AnnexDocument document, string extension) =>
            $"{document.ProgrammeSlug}-{document.VersionLabel}{(document.StatusSessionKey is { } s ? "-" + s : "")}-{document.Language.Code()}"
            + $"{(document.Slippage is null ? "" : "-slippage")}.{extension}";
    }
}
