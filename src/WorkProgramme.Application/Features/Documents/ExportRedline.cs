using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Features.Shared;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Documents;

/// <summary>
/// The annex of the newer of two versions as a Word document with native tracked changes against the older one
/// (<see cref="RedlineDocx"/>), checked before it is handed over (<see cref="TrackedChanges.Verify"/>).
/// </summary>
public static class ExportRedline
{
    public sealed record Query(Viewer Viewer, string Slug, string From, string To, Language Language);

    /// <summary>The redline, what it holds, and the comparison of the two versions it was made from.</summary>
    public sealed record File(byte[] Content, string FileName, RedlineSummary Summary, CompareVersions.Result Comparison)
    {
        public string ContentType => ExportAnnex.DocxContentType;
    }

    /// <summary>
    /// The redline and the compared content (<see cref="TrackedChanges.Content"/>) of the two plain exports it must agree
    /// with, taken from the bodies the plain exports write (<see cref="AnnexDocx.Body"/>) without writing their packages.
    /// </summary>
    public sealed record Documents(byte[] Redline, IReadOnlyList<string> NewerContent, IReadOnlyList<string> OlderContent, RedlineSummary Summary);

    public sealed class Handler(WorkProgrammeDb db, TimeProvider clock)
    {
        /// <summary>Null when the programme or either version does not exist or is hidden from the viewer.</summary>
        public async Task<File?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            // Each version shows the status report of its own session, exactly as its plain export does.
            var from = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.From, query.Viewer, cancellationToken);
            var to = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.To, query.Viewer, cancellationToken);
            if (from is null || to is null)
            {
                return null;
            }

            var documents = Write(AnnexBuilder.Build(from.WithReferencesAsText(), query.Language), AnnexBuilder.Build(to.WithReferencesAsText(), query.Language), clock.GetUtcNow());
            Check(documents);
            return new File(documents.Redline,
                $"{to.Programme.Slug}-redline-{from.Version.Label}-{to.Version.Label}-{query.Language.Code()}.docx",
                documents.Summary,
                CompareVersions.Compare(from, to));
        }
    }

    /// <summary>The redline of two built annexes, and the plain export of each, written at <paramref name="now"/>.</summary>
    public static Documents Write(AnnexDocument older, AnnexDocument newer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var date = new DateTime(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        using var redline = new MemoryStream();
        var summary = RedlineDocx.Write(older, newer, AnnexTemplate.RedlineAuthor.In(newer.Language), date, redline);
        return new Documents(redline.ToArray(), TrackedChanges.Content(AnnexDocx.Body(newer)), TrackedChanges.Content(AnnexDocx.Body(older)), summary);
    }

    /// <summary>
    /// The self-check: accepting every change gives the newer plain export, rejecting every change the older one, and the
    /// document part holding the tracked changes is valid. A redline that fails it is a bug of ours and is never handed over.
    /// </summary>
    public static void Check(Documents documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var problems = TrackedChanges.Verify(documents.Redline, documents.NewerContent, documents.OlderContent);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The redline failed its self-check:\n" + string.Join("\n", problems));
        }
    }
}
