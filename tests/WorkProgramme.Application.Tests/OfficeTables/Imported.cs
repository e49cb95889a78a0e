using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.OfficeTables;

/// <summary>An import as an editor makes it: the preview, then (when asked) the apply that names the preview's state.</summary>
internal sealed record Imported(FailureKind? Failure, bool Applied, IReadOnlyList<ImportTable.RowChange> Changes, IReadOnlyList<TableProblem> Problems)
{
    public bool Previewed => Failure is null && !Applied;

    public int Count(ImportTable.ChangeKind kind) => Changes.Count(c => c.Kind == kind);

    public static async Task<Imported> RunAsync(TestDatabase database, Viewer viewer, string slug, TableFile file, bool apply)
    {
        var result = await database.RunAsync<ImportTable.Handler, Result<ImportTable.Outcome>>(h =>
            h.HandleAsync(new(viewer, slug, file, Apply: false), CancellationToken.None));
        if (apply && result.Succeeded)
        {
            result = await database.RunAsync<ImportTable.Handler, Result<ImportTable.Outcome>>(h =>
                h.HandleAsync(new(viewer, slug, file, Apply: true, result.Value!.State), CancellationToken.None));
        }

        return new Imported(result.Failure?.Kind, result.Value?.Applied == true, result.Value?.Changes ?? [], result.Value?.Problems ?? []);
    }
}
