using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using UglyToad.PdfPig;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Documents;

/// <summary>LibreOffice must be installed (scripts/test.sh installs it): without it these tests fail, they do not skip.</summary>
public sealed partial class AnnexPdfFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task The_pdf_holds_every_activity_number_in_order_and_the_footnotes(Language language)
    {
        var outcome = (await database.RunAsync<ExportAnnex.Handler, PdfOutcome<ExportAnnex.File>?>(h =>
            h.PdfAsync(new ExportAnnex.Query(Viewer.Anonymous, SeedFile.PtcSlug, language), CancellationToken.None)))!;
        Assert.True(outcome.Value is not null, outcome.Problem?.En);
        var programme = await SeedFile.ReadPtcAsync();

        using var pdf = PdfDocument.Open(outcome.Value.Content);
        var pages = pdf.GetPages().ToList();
        // The number column is the table's first: its words start left of every other column and of the footnotes' indent.
        var numbers = pages.SelectMany(p => p.GetWords())
            .Where(w => w.BoundingBox.Left < 50 && NumberCell().IsMatch(w.Text))
            .Select(w => w.Text)
            .ToList();
        var expected = programme.Activities.Where(a => a.Revision != "deleted").Select(a => $"{a.Number}.");
        Assert.Equal(expected, numbers);

        var text = Words(string.Join(" ", pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));
        Assert.All(AnnexTemplate.Footnotes(language), footnote =>
            Assert.Contains(Words(footnote.Text), text, StringComparison.Ordinal));
        Assert.All(pages, page => Assert.Contains(page.GetWords(), w => w.Text == $"PT/{page.Number}."));
        Assert.True(pages[0].Width > pages[0].Height, "A4 landscape");
    }

    [Fact]
    public async Task Without_libre_office_the_answer_says_how_to_install_it()
    {
        var converter = new PdfConverter(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:LibreOffice"] = "/nonexistent/soffice" }).Build());

        var conversion = await converter.ConvertAsync([1, 2, 3], CancellationToken.None);

        Assert.False(converter.IsAvailable);
        Assert.Null(conversion.Pdf);
        Assert.Contains("apt-get install", conversion.Problem!.En, StringComparison.Ordinal);
        Assert.Contains("LibreOffice, qui n’est pas installé", conversion.Problem.Fr, StringComparison.Ordinal);
    }

    private static string Words(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\d+\.$")]
    private static partial Regex NumberCell();
}
