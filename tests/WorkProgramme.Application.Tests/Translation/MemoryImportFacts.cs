using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Translation;

/// <summary>A TMX from the translation service added to the memory (docs/decisions/0047), on the suite's database (SQLite or PostgreSQL).</summary>
public sealed class MemoryImportFacts : IAsyncLifetime
{
    private static readonly Viewer Alice = new("a", "alice@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static TmxRead Memory(params (string Fr, string En)[] pairs)
    {
        var units = string.Concat(pairs.Select(p =>
            $"<tu><tuv xml:lang=\"fr-FR\"><seg>{new XText(p.Fr)}</seg></tuv><tuv xml:lang=\"en-GB\"><seg>{new XText(p.En)}</seg></tuv></tu>"));
        var xml = $"<tmx version=\"1.4\"><header srclang=\"fr-FR\" segtype=\"sentence\"/><body>{units}<tu><tuv xml:lang=\"fr\"><seg>Seul</seg></tuv></tu></body></tmx>";
        return Tmx.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
    }

    private Task<Result<ImportMemory.Outcome>> ImportAsync(TmxRead file, bool apply, Viewer? viewer = null, string origin = "service-2026.tmx") =>
        database.RunAsync<ImportMemory.Handler, Result<ImportMemory.Outcome>>(h =>
            h.HandleAsync(new(viewer ?? Alice, origin, file, apply), CancellationToken.None));

    private Task<IReadOnlyList<MemoryPair>> MemoryAsync() =>
        database.RunAsync<TranslationMemory.Handler, IReadOnlyList<MemoryPair>>(h => h.HandleAsync(CancellationToken.None));

    [Fact]
    public async Task The_preview_counts_added_known_and_skipped_pairs_and_the_apply_adds_them_once_audited()
    {
        var record = (await MemoryAsync()).First(p => p.Origin is null);
        var file = Memory(("Mémoire importée : une phrase neuve.", "Imported memory: a new sentence."), (record.Fr, record.En),
            ("Mémoire importée : une phrase neuve.", "Imported memory: a new sentence."));

        var preview = await ImportAsync(file, apply: false);
        var applied = await ImportAsync(file, apply: true);
        var again = await ImportAsync(file, apply: true, origin: "/tmp/again.tmx");

        Assert.Equal((1, 2, 1, false), (preview.Value!.Added, preview.Value.Known, preview.Value.Skipped.Count, preview.Value.Applied));
        Assert.Equal("no English text", Assert.Single(preview.Value.Reasons).Reason.En);
        Assert.Equal((1, 2, true), (applied.Value!.Added, applied.Value.Known, applied.Value.Applied));
        Assert.Equal((0, 3, false), (again.Value!.Added, again.Value.Known, again.Value.Applied));
        var imported = Assert.Single(await MemoryAsync(), p => p.Origin is not null);
        Assert.Equal(("Mémoire importée : une phrase neuve.", "Imported memory: a new sentence.", "service-2026.tmx"), (imported.Fr, imported.En, imported.Origin));
        var audit = await database.RunAsync<WorkProgrammeDb, List<string>>(db =>
            db.AuditEntries.Where(a => a.EntityType == "TranslationMemory").Select(a => a.EntityId + " " + a.Field).ToListAsync());
        Assert.Equal(["service-2026.tmx (created)"], audit);
    }

    [Fact]
    public async Task An_imported_pair_becomes_a_match_in_the_export_with_its_file_as_origin_after_the_records_own()
    {
        var export = await database.RunAsync<ExportTranslation.Handler, ExportTranslation.Export?>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug, Language.En), CancellationToken.None));
        var unit = export!.File.Units.First(u => u.Matches.Count == 0 && !u.Source.Contains("[[", StringComparison.Ordinal)
            && u.Source.Length < 200);

        Assert.True((await ImportAsync(Memory((unit.Source, "From the service")), apply: true)).Succeeded);
        var again = await database.RunAsync<ExportTranslation.Handler, ExportTranslation.Export?>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug, Language.En), CancellationToken.None));

        var match = Assert.Single(again!.File.Units.Single(u => u.Id == unit.Id).Matches);
        Assert.Equal((100, "From the service", "service-2026.tmx"), (match.Score, match.Target, match.Origin));
    }

    [Fact]
    public async Task A_refused_file_or_a_reader_changes_nothing()
    {
        var hostile = Tmx.Read(new MemoryStream(Encoding.UTF8.GetBytes("<!DOCTYPE tmx [<!ENTITY x \"y\">]><tmx><body>&x;</body></tmx>")));
        var member = new Viewer("m", "member@example.org", new HashSet<string> { Roles.Member }, "CTP");

        var refused = await ImportAsync(hostile, apply: true);
        var forbidden = await ImportAsync(Memory(("Un", "One")), apply: true, viewer: member);

        Assert.Equal(FailureKind.Invalid, refused.Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, forbidden.Failure!.Kind);
        Assert.DoesNotContain(await MemoryAsync(), p => p.Origin is not null);
    }
}
