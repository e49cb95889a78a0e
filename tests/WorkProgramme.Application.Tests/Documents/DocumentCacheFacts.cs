using System.IO.Compression;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Documents;

/// <summary>
/// The downloads are built once per state of the record and kept on disk (docs/decisions/0038). What is built is
/// counted (the cache's writes and hits, the converter's conversions), never timed. LibreOffice must be installed.
/// </summary>
public sealed class DocumentCacheFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;
    private TestServices services = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        services = Services(wait: "300");
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>The app's services over the test database, with a cache folder of the test's own.</summary>
    private TestServices Services(string wait) => database.With(new Dictionary<string, string?>
    {
        ["Documents:CacheFolder"] = Path.Combine(database.Folder, "document-cache"),
        ["Documents:PdfWaitSeconds"] = wait,
    });

    private DocumentCache Cache => services.Get<DocumentCache>();

    private Task<DocumentOutcome?> GetAsync(CachedDocuments.Request request, TestServices? over = null) =>
        (over ?? services).RunAsync<CachedDocuments.Handler, DocumentOutcome?>(h => h.GetAsync(request, CancellationToken.None));

    private static CachedDocuments.Request Annex(DocumentKind kind = DocumentKind.Annex, Language language = Language.En) =>
        new(Viewer.Anonymous, kind, SeedFile.PtcSlug, language);

    private string[] CachedFiles() =>
        Directory.Exists(Cache.Folder) ? Directory.GetFiles(Cache.Folder).Select(f => Path.GetFileName(f)).ToArray() : [];

    [Fact]
    public async Task The_second_download_of_a_word_annex_workbook_or_redline_is_read_from_the_cache_not_built_again()
    {
        CachedDocuments.Request[] requests =
        [
            Annex(),
            Annex(DocumentKind.Workbook, Language.Fr),
            new(Viewer.Anonymous, DocumentKind.Redline, SeedFile.PtcSlug, Language.En, From: "2024-04", To: "2024-04"),
        ];
        var first = new List<CachedDocument>();
        foreach (var request in requests)
        {
            first.Add((await GetAsync(request))!.File!);
        }

        Assert.Equal((3L, 0L), (Cache.Writes, Cache.Hits));
        for (var i = 0; i < requests.Length; i++)
        {
            var again = (await GetAsync(requests[i]))!.File!;
            Assert.Equal(first[i].Content, again.Content);
            Assert.Equal((first[i].FileName, first[i].ContentType), (again.FileName, again.ContentType));
        }

        Assert.Equal((3L, 3L), (Cache.Writes, Cache.Hits));
        // "The newest version" and its label are one document, one file.
        Assert.Equal(first[0].Content, (await GetAsync(Annex() with { Version = "2024-04" }))!.File!.Content);
        Assert.Equal(3L, Cache.Writes);
    }

    [Fact]
    public async Task The_second_download_of_the_pdf_does_not_call_the_converter()
    {
        var converter = services.Get<PdfConverter>();

        var first = (await GetAsync(Annex(DocumentKind.AnnexPdf)))!;
        var second = (await GetAsync(Annex(DocumentKind.AnnexPdf)))!;

        Assert.True(first.File is not null, first.Problem?.En);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(first.File.Content[..4]));
        Assert.Equal(first.File.Content, second.File!.Content);
        Assert.Equal("ptc-2022-2025-2024-04-ctp-243-244-en.pdf", second.File.FileName);
        Assert.Equal(1L, converter.Conversions);
    }

    [Fact]
    public async Task Any_change_of_the_record_builds_the_document_anew_and_removes_its_older_file()
    {
        await GetAsync(Annex());
        var before = CachedFiles();

        var revision = await services.RunAsync<ProgrammeVersions.Handler, Result<string>>(h =>
            h.HandleAsync(new ProgrammeVersions.StartCommand(Editor, SeedFile.PtcSlug, "2026-draft", null, null), CancellationToken.None));
        Assert.Null(revision.Failure);
        await GetAsync(Annex());

        Assert.Equal((2L, 0L), (Cache.Writes, Cache.Hits));
        var after = CachedFiles();
        Assert.Single(before);
        Assert.Single(after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task A_drafts_reader_and_the_public_never_share_a_file()
    {
        var member = new Viewer("m", "member", new HashSet<string> { Roles.Member }, "CTP");
        await services.RunAsync<ProgrammeVersions.Handler, Result<string>>(h =>
            h.HandleAsync(new ProgrammeVersions.StartCommand(Editor, SeedFile.PtcSlug, "2026-draft", null, null), CancellationToken.None));

        var published = (await GetAsync(Annex()))!.File!;
        var draft = (await GetAsync(Annex() with { Viewer = member }))!.File!;

        Assert.Equal("ptc-2022-2025-2024-04-ctp-243-244-en.docx", published.FileName);
        Assert.StartsWith("ptc-2022-2025-2026-draft", draft.FileName, StringComparison.Ordinal);
        Assert.Null(await GetAsync(Annex() with { Version = "2026-draft" }));
        Assert.Equal((2L, 0L), (Cache.Writes, Cache.Hits));
    }

    [Fact]
    public async Task A_file_cut_short_by_a_killed_process_is_never_served_but_rebuilt()
    {
        var original = (await GetAsync(Annex()))!.File!;
        var path = Path.Combine(Cache.Folder, Assert.Single(CachedFiles()));
        var whole = await File.ReadAllBytesAsync(path);
        // What a process killed while writing leaves: the start of the file under its final name, and a temporary file.
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);
        await File.WriteAllBytesAsync(path + ".0123456789abcdef.tmp", whole[..100]);

        var served = (await GetAsync(Annex()))!.File!;

        Assert.Equal((2L, 0L), (Cache.Writes, Cache.Hits));
        Assert.Equal(original.FileName, served.FileName);
        using (var zip = new ZipArchive(new MemoryStream(served.Content)))
        {
            Assert.NotNull(zip.GetEntry("word/document.xml"));
        }

        Assert.Equal(served.Content, DocumentCache.Decode(await File.ReadAllBytesAsync(path))!.Content);
        // One damaged byte is refused as well (the trailer's hash).
        whole[whole.Length / 3] ^= 0xFF;
        await File.WriteAllBytesAsync(path, whole);
        await GetAsync(Annex());
        Assert.Equal((3L, 0L), (Cache.Writes, Cache.Hits));
    }

    [Fact]
    public async Task Two_requests_for_the_same_uncached_pdf_convert_it_once_and_hear_where_it_stands_meanwhile()
    {
        await using var impatient = Services(wait: "0");
        var queue = impatient.Get<PdfQueue>();

        var answers = await Task.WhenAll(GetAsync(Annex(DocumentKind.AnnexPdf), impatient), GetAsync(Annex(DocumentKind.AnnexPdf), impatient));
        Assert.All(answers, a => Assert.True(a is { File: not null } or { IsWaiting: true, Position: 1 }, $"{a}"));
        await queue.WhenIdleAsync();
        var ready = (await GetAsync(Annex(DocumentKind.AnnexPdf), impatient))!;

        Assert.NotNull(ready.File);
        Assert.Equal(1L, impatient.Get<PdfConverter>().Conversions);
    }

    [Fact]
    public async Task A_pdf_queued_behind_another_hears_its_position()
    {
        var queue = services.Get<PdfQueue>();
        var docx = (await GetAsync(Annex()))!.File!.Content;

        var first = await queue.SubmitAsync("first", "stamp", docx, "first.pdf", TimeSpan.Zero, CancellationToken.None);
        var second = await queue.SubmitAsync("second", "stamp", docx, "second.pdf", TimeSpan.Zero, CancellationToken.None);
        var again = await queue.JoinAsync("second", "stamp", TimeSpan.Zero, CancellationToken.None);
        await queue.WhenIdleAsync();

        Assert.Equal((1, 2, 2), (first.Position, second.Position, again!.Position));
        Assert.Null(await queue.JoinAsync("second", "stamp", TimeSpan.Zero, CancellationToken.None));
        Assert.NotNull(Cache.Read("second", "stamp"));
    }

    [Fact]
    public async Task Publishing_a_round_warms_the_public_downloads_after_its_commit()
    {
        var session = await services.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));
        Assert.Null((await services.RunAsync<OpenRound.Handler, Result<Done>>(h =>
            h.HandleAsync(new(Editor, SeedFile.PtcSlug, session), CancellationToken.None))).Failure);

        var published = await services.RunAsync<PublishRound.Handler, Result<Done>>(async h => await h.HandleAsync(
            new(Editor, SeedFile.PtcSlug, session, true, await h.CurrentVersionAsync(SeedFile.PtcSlug, session, CancellationToken.None)),
            CancellationToken.None));
        Assert.Null(published.Failure);
        var warming = services.Get<DocumentWarming>();
        await warming.RunPendingAsync(CancellationToken.None);
        await warming.WhenIdleAsync();

        // In two languages: Word plain and with slippage, the workbook, the redline from the seed's previous version, the PDF.
        Assert.Equal(10L, Cache.Writes);
        Assert.Equal(2L, services.Get<PdfConverter>().Conversions);
        foreach (var kind in new[] { DocumentKind.Annex, DocumentKind.AnnexPdf, DocumentKind.Workbook })
        {
            foreach (var language in new[] { Language.Fr, Language.En })
            {
                Assert.NotNull((await GetAsync(Annex(kind, language)))!.File);
            }
        }

        Assert.NotNull((await GetAsync(new(Viewer.Anonymous, DocumentKind.Redline, SeedFile.PtcSlug, Language.En,
            From: SeedFile.PtcPreviousLabel, To: SeedFile.PtcCurrentLabel)))!.File);
        // The warm-up read each Word annex back for its PDF (2 hits), the downloads above the rest: nothing built twice.
        Assert.Equal((10L, 9L, 2L), (Cache.Writes, Cache.Hits, services.Get<PdfConverter>().Conversions));
    }

    [Fact]
    public async Task Adopting_a_version_warms_its_downloads_and_the_redline_from_the_previous_one()
    {
        var session = await services.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));
        var versions = services;
        await versions.RunAsync<ProgrammeVersions.Handler, Result<string>>(h =>
            h.HandleAsync(new ProgrammeVersions.StartCommand(Editor, SeedFile.PtcSlug, "2025-04", null, session), CancellationToken.None));
        var current = (await versions.RunAsync<ProgrammeVersions.Handler, IReadOnlyList<ProgrammeVersions.VersionSummary>?>(h =>
            h.HandleAsync(new ProgrammeVersions.ListQuery(Editor, SeedFile.PtcSlug), CancellationToken.None)))!.Single(v => v.Label == "2025-04");

        var adopted = await versions.RunAsync<ProgrammeVersions.Handler, Result<string>>(h => h.HandleAsync(
            new ProgrammeVersions.AdoptCommand(Editor, SeedFile.PtcSlug, "2025-04", VersionState.Endorsed, session, current.Version), CancellationToken.None));
        Assert.Null(adopted.Failure);
        var warming = services.Get<DocumentWarming>();
        await warming.RunPendingAsync(CancellationToken.None);

        var redline = await GetAsync(new(Viewer.Anonymous, DocumentKind.Redline, SeedFile.PtcSlug, Language.Fr, From: SeedFile.PtcCurrentLabel, To: "2025-04"));
        Assert.Equal("ptc-2022-2025-redline-2024-04-2025-04-fr.docx", redline!.File!.FileName);
        Assert.Equal((10L, 3L), (Cache.Writes, Cache.Hits));
    }
}
