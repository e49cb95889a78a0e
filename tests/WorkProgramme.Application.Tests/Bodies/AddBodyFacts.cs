using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Bodies;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Bodies;

/// <summary>Adding a body (docs/decisions/0042): administrators only, a code of the right shape and not taken, strict words, audited.</summary>
public sealed class AddBodyFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor", new HashSet<string> { Roles.Editor }, null);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<Result<string>> AddAsync(string? code, string? nameFr = "Groupe de travail sur les essais", string? nameEn = "Working Group on Trials",
        Viewer? who = null, string? abbreviationEn = "WGT") =>
        database.RunAsync<AddBody.Handler, Result<string>>(h => h.HandleAsync(new AddBody.Command(who ?? Viewer.Operator, code, code, abbreviationEn,
            nameFr, nameEn, BodyKind.WorkingGroup), CancellationToken.None));

    private Task<int> CountAsync() => database.RunAsync<WorkProgrammeDb, int>(db => db.Bodies.CountAsync());

    [Fact]
    public async Task An_administrator_adds_a_body_that_the_directory_lists_and_the_trail_records()
    {
        var added = await AddAsync("  GT-ESSAIS ");

        Assert.Equal("GT-ESSAIS", added.Value);
        var row = (await database.RunAsync<BodyDirectory, BodyDirectory.Row?>(d => d.FindAsync("GT-ESSAIS", CancellationToken.None)))!;
        Assert.Equal(("GT-ESSAIS", "WGT", "Working Group on Trials", BodyKind.WorkingGroup, 0, 0),
            (row.Abbreviation.Fr, row.Abbreviation.En, row.Name.En, row.Kind, row.Programmes, row.Sessions));
        var trail = await database.RunAsync<WorkProgrammeDb, List<AuditEntry>>(db =>
            db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Body" && e.EntityId == "GT-ESSAIS").ToListAsync());
        Assert.NotEmpty(trail);
    }

    [Theory]
    [InlineData("CTP")]
    [InlineData("ctp")]
    [InlineData("cg/ckr")]
    public async Task A_code_already_taken_in_any_case_is_refused_in_words_and_nothing_is_added(string code)
    {
        var before = await CountAsync();

        var refused = await AddAsync(code);

        Assert.Equal(FailureKind.Invalid, refused.Failure?.Kind);
        Assert.Contains("A body already has the code", refused.Problems.Single().En, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("", "The body's code is required")]
    [InlineData("CTP;DROP", "The body's code: letters and digits")]
    [InlineData("GT  DOUBLE", "The body's code: letters and digits")]
    [InlineData("-GT", "The body's code: letters and digits")]
    [InlineData("GT\u202ESAFE", "The body's code: letters and digits")]
    [InlineData("ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJK", "at most 40 characters")]
    public async Task A_code_of_the_wrong_shape_is_refused_in_words(string code, string words)
    {
        var before = await CountAsync();

        var refused = await AddAsync(code);

        Assert.Equal(FailureKind.Invalid, refused.Failure?.Kind);
        Assert.Contains(words, refused.Problems.Single().En, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_documents_codes_have_the_shape_a_new_code_must_have()
    {
        var codes = await database.RunAsync<WorkProgrammeDb, List<string>>(db => db.Bodies.Select(b => b.Code).ToListAsync());

        Assert.Contains("CG de la Convention d’Istanbul", codes);
        Assert.All(codes, code => Assert.Equal(code, Body.CheckCode(code)));
    }

    [Fact]
    public async Task A_body_without_a_name_or_with_a_control_character_in_it_is_refused()
    {
        var nameless = await AddAsync("NEW-X", nameFr: null, nameEn: " ");
        var control = await AddAsync("NEW-Y", nameEn: "Working\u0007 Group");
        var overlong = await AddAsync("NEW-Z", abbreviationEn: new string('W', 41));

        Assert.Contains("A body has a name", nameless.Problems.Single().En, StringComparison.Ordinal);
        Assert.Contains("The name (in English) contains", control.Problems.Single().En, StringComparison.Ordinal);
        Assert.Contains("The abbreviation (in English) has at most 40 characters", overlong.Problems.Single().En, StringComparison.Ordinal);
        Assert.Equal(0, await database.RunAsync<WorkProgrammeDb, int>(db => db.Bodies.CountAsync(b => b.Code.StartsWith("NEW-"))));
    }

    [Fact]
    public async Task An_editor_may_not_add_a_body()
    {
        var refused = await AddAsync("GT-EDIT", who: Editor);

        Assert.Equal(FailureKind.Forbidden, refused.Failure?.Kind);
    }
}
