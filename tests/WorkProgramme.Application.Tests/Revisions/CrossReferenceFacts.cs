using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Revisions;

public sealed class CrossReferenceFacts : IAsyncLifetime
{
    private static readonly Guid DisruptiveTechnologies = Guid.Parse("97a1e8e5-4ea5-5768-af44-89511d2fe17c");
    private static readonly Guid Resolution2020 = Guid.Parse("3bddbdcb-a905-5328-8ee7-881e3f1beb69");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>The rows as the Word and Excel exports write them: references as the version's numbers.</summary>
    private Task<ProgrammeFile?> ExportAsync(string? version = null) =>
        database.RunAsync<Data.WorkProgrammeDb, ProgrammeFile?>(async db =>
        {
            var snapshot = (await Features.Snapshots.ProgrammeSnapshot.LoadAsync(db, SeedFile.PtcSlug, version, Viewer.Operator, CancellationToken.None))!
                .WithReferencesAsText();
            return new ProgrammeFile
            {
                Activities = snapshot.Rows.Select(r => ExportProgramme.Handler.ToDto(r, snapshot.Reports.GetValueOrDefault(r.ActivityId))).ToList(),
            };
        });

    [Fact]
    public async Task The_json_export_keeps_the_references_by_id_so_an_import_round_trip_keeps_them()
    {
        var file = (await database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None)))!;

        Assert.Contains(file.Activities, a => a.Status?.Text?.Fr?.Contains(ActivityReferences.Token(Resolution2020), StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_shipped_data_stores_its_references_by_id_and_exports_show_each_version_its_own_number()
    {
        var current = (await ExportAsync())!;
        var previous = (await ExportAsync("2023-10"))!;

        string Status(ProgrammeFile file, string id) => file.Activities.Single(a => a.Id == Guid.Parse(id)).Status!.Text!.Fr!;
        Assert.Contains("(activité n° 2)", Status(current, Id(current, "e061553a")), StringComparison.Ordinal);
        Assert.Contains("(activité n° 3)", Status(previous, Id(previous, "e061553a")), StringComparison.Ordinal);
        Assert.Equal("Voir l’activité 24 ci-dessous", Status(current, Id(current, "27a97ce9")));
        Assert.Equal("Voir l’activité 25 ci-dessous", Status(previous, Id(previous, "27a97ce9")));
        Assert.DoesNotContain(current.Activities, a => ActivityReferences.HasAny(a.Status?.Text?.Fr));
    }

    private static string Id(ProgrammeFile file, string prefix) =>
        file.Activities.Single(a => a.Id!.Value.ToString().StartsWith(prefix, StringComparison.Ordinal)).Id!.Value.ToString();

    [Fact]
    public async Task After_a_revision_retires_a_row_above_them_the_references_show_the_new_numbers()
    {
        await database.RunAsync<ProgrammeVersions.Handler, Result<string>>(h =>
            h.HandleAsync(new ProgrammeVersions.StartCommand(Viewer.Operator, SeedFile.PtcSlug, "2024-10", null, "ctp-243-244"), CancellationToken.None));
        var draft = (await ExportAsync("2024-10"))!;
        var first = draft.Activities.Single(a => a.Section == "permanent" && a.Number == 1).Id!.Value;
        var rowVersion = (await database.RunAsync<EditActivity.Handler, EditActivity.Current?>(h =>
            h.CurrentAsync(Viewer.Operator, SeedFile.PtcSlug, first, CancellationToken.None)))!.RowVersion;

        var retired = await database.RunAsync<RetireActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, first, rowVersion), CancellationToken.None));

        Assert.Null(retired.Failure);
        var after = (await ExportAsync("2024-10"))!;
        Assert.Equal(1, after.Activities.Single(a => a.Id == DisruptiveTechnologies).Number);
        Assert.Equal(23, after.Activities.Single(a => a.Id == Resolution2020).Number);
        Assert.Equal("Voir l’activité 23 ci-dessous", after.Activities.Single(a => a.Id!.Value.ToString().StartsWith("27a97ce9", StringComparison.Ordinal)).Status!.Text!.Fr);
    }

    [Fact]
    public void Importing_with_link_references_turns_plain_numbers_of_the_same_section_into_references()
    {
        var target = Guid.NewGuid();
        var file = new ProgrammeFile
        {
            Activities =
            [
                new ActivityDto { Id = target, Section = "permanent", Number = 1, Revision = "unchanged" },
                new ActivityDto { Id = Guid.NewGuid(), Section = "permanent", Number = 2, Revision = "unchanged",
                    Status = new StatusDto { Text = new TextPair("Voir l’activité 1 ci-dessus et l’activité 7.", "See activity 1 above.") } },
                new ActivityDto { Id = Guid.NewGuid(), Section = "time-bound", Number = 1, Revision = "unchanged",
                    Title = new TextPair("Suite de l’activité 2", null) },
            ],
        };

        var (linked, links) = ProgrammeFileReferences.LinkMentions(file);

        Assert.Equal($"Voir l’activité {ActivityReferences.Token(target)} ci-dessus et l’activité 7.", linked.Activities[1].Status!.Text!.Fr);
        Assert.Equal($"See activity {ActivityReferences.Token(target)} above.", linked.Activities[1].Status!.Text!.En);
        Assert.Equal("Suite de l’activité 2", linked.Activities[2].Title!.Fr);
        Assert.Equal(2, links.Count);
    }
}
