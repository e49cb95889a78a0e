using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Features.Shared;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Revisions;

/// <summary>
/// The comparison of the PTC's two shipped versions (October 2023 → April 2024) shows the changes the seed itself marks
/// as tracked changes, as data/README.md and data/curation/reading-notes.md read them.
/// </summary>
public sealed class CompareRealRevisionFacts : IAsyncLifetime
{
    private TestDatabase database = null!;
    private CompareVersions.Result comparison = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        comparison = (await database.RunAsync<CompareVersions.Handler, CompareVersions.Result?>(h => h.HandleAsync(
            new(Viewer.Anonymous, SeedFile.PtcSlug, SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel), CancellationToken.None)))!;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ActivityComparison At(string newReference) => comparison.Activities.Single(a => a.NewReference == newReference);

    private static string Text(IEnumerable<TextChange> pieces, ChangeKind kind) =>
        string.Concat(pieces.Where(p => p.Kind == kind).Select(p => p.Text));

    [Fact]
    public void Names_both_versions_and_the_sessions_whose_status_they_show()
    {
        Assert.Equal(("2023-10", "ctp-241-242"), (comparison.From.Label, comparison.From.StatusSessionKey));
        Assert.Equal(("2024-04", "PC0756", "ctp-243-244"), (comparison.To.Label, comparison.To.DocumentSymbol, comparison.To.StatusSessionKey));
    }

    [Fact]
    public void Counts_the_revision_as_the_seed_marks_it()
    {
        // 16 new rows (I.18, I.30–42, II.51–52); 3 deleted (old I.11, II.2, II.50); old I.12–18 and II.3–52 renumbered;
        // 59 rows reworded outside the status; 48 status texts rewritten legibly and 9 whose old text is not legible (II.22 only
        // renumbered its reference, now stored by id).
        // II.22's status changed only by "Voir l'activité 25" → 24: now a reference by id, it is the same text in both.
        Assert.Equal(new ComparisonSummary(Added: 16, Retired: 3, Renumbered: 56, Reworded: 59, StatusChanged: 57, Unchanged: 0),
            comparison.Summary);
    }

    [Fact]
    public async Task Classifies_every_row_as_the_seed_marks_it()
    {
        var seed = await SeedFile.ReadPtcAsync();

        Assert.Equal(seed.Activities.Select(a => a.Id!.Value), comparison.Activities.Select(a => a.ActivityId));
        foreach (var row in seed.Activities)
        {
            var compared = comparison.Activities.Single(a => a.ActivityId == row.Id);
            var label = $"{row.Section} {row.Number} (formerly {row.PreviousNumber})";
            Assert.True(compared.Added == (row.Revision == "new"), label);
            Assert.True(compared.Retired == (row.Revision == "deleted"), label);
            Assert.True(compared.Reworded == (row.Revision == "reworded"), label);
            Assert.True(compared.Renumbered == (row.Revision != "new" && row.Revision != "deleted" && row.Number != row.PreviousNumber), label);
            if (!compared.Added)
            {
                Assert.Equal(row.PreviousNumber, compared.OldNumber);
            }
        }
    }

    [Fact]
    public void Shows_old_numbers_of_renumbered_rows()
    {
        Assert.Equal("I.12", At("I.11").OldReference);
        Assert.Equal("I.18", At("I.17").OldReference);
        Assert.Equal("I.19", At("I.19").OldReference);
        Assert.Equal("II.3", At("II.2").OldReference);
        Assert.Equal("II.51", At("II.49").OldReference);
        Assert.Equal("II.52", At("II.50").OldReference);
    }

    [Fact]
    public void Shows_the_deleted_rows_where_they_stood_with_their_whole_text_deleted()
    {
        var retired = comparison.Activities.Where(a => a.Retired).ToList();

        Assert.Equal(["I.11", "II.2", "II.50"], retired.Select(a => a.OldReference));
        Assert.Equal("Développer un cadre numérique douanier et des solutions issues des technologies de l’information pour la douane",
            Text(retired[0].Field(ComparedField.Title).Fr, ChangeKind.Deleted));
        Assert.All(retired.SelectMany(a => a.Fields).SelectMany(f => f.Fr), p => Assert.Equal(ChangeKind.Deleted, p.Kind));
        var order = comparison.Activities.ToList();
        var afterI10 = order[order.FindIndex(a => a.NewReference == "I.10") + 1];
        Assert.Same(retired[0], afterI10);
    }

    [Fact]
    public void Shows_new_rows_wholly_inserted_in_both_languages_where_given()
    {
        var study = At("I.18");
        Assert.True(study.Added);
        Assert.StartsWith("Réalisation d’une étude de faisabilité", Text(study.Field(ComparedField.Title).Fr, ChangeKind.Inserted), StringComparison.Ordinal);
        Assert.All(comparison.Activities.Where(a => a.Added).SelectMany(a => a.Fields).SelectMany(f => f.Fr.Concat(f.En)),
            p => Assert.Equal(ChangeKind.Inserted, p.Kind));
        Assert.NotEmpty(Text(At("I.30").Field(ComparedField.Title).En, ChangeKind.Inserted));
    }

    [Fact]
    public void Shows_rewording_word_by_word()
    {
        var title = At("I.4").Field(ComparedField.Title).Fr;
        Assert.Equal("Étude", Text(title, ChangeKind.Deleted));
        Assert.Equal("Créer un rapport d’étude", Text(title, ChangeKind.Inserted));
        Assert.Contains(title, p => p.Kind == ChangeKind.Unchanged && p.Text.Contains("l’économie circulaire", StringComparison.Ordinal));

        var kpi = At("I.1").Field(ComparedField.Kpi).Fr;
        Assert.Equal("Mise", Text(kpi, ChangeKind.Deleted));
        Assert.Equal("La mise", Text(kpi, ChangeKind.Inserted));

        var deadline = At("I.12").Field(ComparedField.Deadline).Fr;
        Assert.Contains("Automne 2023", Text(deadline, ChangeKind.Deleted), StringComparison.Ordinal);
        Assert.Contains("Printemps 2025", Text(deadline, ChangeKind.Inserted), StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_status_texts_of_the_241st_242nd_sessions_changing_into_those_of_the_243rd_244th()
    {
        var status = At("I.4").Field(ComparedField.Status).Fr;
        Assert.Contains("239ème", Text(status, ChangeKind.Deleted), StringComparison.Ordinal);
        Assert.True(At("I.2").StatusChanged);
        Assert.False(At("I.2").Reworded);
        Assert.False(At("I.8").StatusChanged);

        // Old status not legible in the dump: the October 2023 version gives none, so the whole text shows as new.
        Assert.Equal(ChangeKind.Inserted, Assert.Single(At("I.15").Field(ComparedField.Status).Fr).Kind);
    }
}
