using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.OfficeTables;

/// <summary>A programme version (the latest unless named) as an Excel workbook in French or English.</summary>
public static class ExportSpreadsheet
{
    public sealed record Query(Viewer Viewer, string Slug, Language Language, string? VersionLabel = null);

    public sealed record Result(string FileName, byte[] Content, int Activities);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }

            snapshot.WithReferencesAsText();

            var rows = snapshot.Rows.Where(r => !r.IsDeleted).Select(r => r.ToRowView(snapshot)).ToList();
            var name = $"{snapshot.Programme.Slug}-{snapshot.Version.Label}-{query.Language.Code()}.xlsx";
            return new Result(name, ProgrammeWorkbook.Write(query.Language, rows, snapshot.TaskTypes.Select(t => t.ToLabel()).ToList()), rows.Count);
        }

        /// <summary>The blank workbook to fill in, offering the task types of the table.</summary>
        public async Task<Result> TemplateAsync(Language language, CancellationToken cancellationToken) =>
            Template(language, (await TaskTypes.TaskTypeList.LoadAsync(db, cancellationToken)).Select(t => t.ToLabel()).ToList());
    }

    /// <summary>The blank workbook to fill in: the same sheets and columns, no rows; the task type column offers <paramref name="taskTypes"/>.</summary>
    public static Result Template(Language language, IReadOnlyList<CodeLabel> taskTypes) =>
        new($"{(language == Language.Fr ? "modele-programme" : "programme-template")}-{language.Code()}.xlsx", ProgrammeWorkbook.Write(language, [], taskTypes), 0);
}
