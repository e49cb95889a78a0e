using System.Globalization;
using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using TableColumn = WorkProgramme.Documents.Tables.TableColumn;

namespace WorkProgramme.Application.Features.Documents;

/// <summary>
/// Fills the template with one version of a programme in one language: what each cell says. Knows nothing of Word;
/// <see cref="AnnexDocx"/> decides how it looks.
/// </summary>
public static class AnnexBuilder
{
    // The template's columns; the stable id is the spreadsheet's own, not the document's.
    private static readonly TableColumn[] TimeBoundColumns = DocumentColumns(Section.TimeBound);

    private static readonly TableColumn[] PermanentColumns = DocumentColumns(Section.Permanent);

    private static TableColumn[] DocumentColumns(Section section) =>
        ProgrammeTable.ColumnsOf(section).Where(c => c != TableColumn.Id).ToArray();

    public static IReadOnlyList<TableColumn> ColumnsOf(Domain.Activities.Section section) => section == Section.TimeBound ? TimeBoundColumns : PermanentColumns;

    public static AnnexDocument Build(ProgrammeSnapshot snapshot, Language language)
    {
        var rows = snapshot.Rows.Where(r => !r.IsDeleted).Select(r => r.ToRowView(snapshot)).ToList();
        var sections = Enum.GetValues<Section>()
            .Select(section => SectionOf(section, rows.Where(r => r.Section == section), language))
            .ToList();
        var title = snapshot.Programme.Title.For(language);
        var culture = CultureOf(language);
        return new AnnexDocument(
            language,
            snapshot.Programme.Slug,
            snapshot.Version.Label,
            snapshot.StatusSessionKey,
            string.Format(CultureInfo.InvariantCulture, AnnexTemplate.RunningHeader.In(language), snapshot.Version.DocumentSymbol ?? snapshot.Version.Label),
            title.Text ?? snapshot.Programme.Slug,
            FirstPageTitle(snapshot, language).ToUpper(culture),
            AnnexTemplate.PageLabelPrefix.In(language),
            sections,
            AnnexTemplate.Footnotes(language));
    }

    /// <summary>
    /// "Programme de travail révisé 2022-2025 du Comité technique permanent (CTP)", as the source's first page: the
    /// period and the body's name; the programme's title when the body is not in the reference data.
    /// </summary>
    private static string FirstPageTitle(ProgrammeSnapshot snapshot, Language language)
    {
        var programme = snapshot.Programme;
        if (!snapshot.Bodies.TryGetValue(programme.BodyCode, out var body) || body.Name.For(language).Text is not { } name)
        {
            return programme.Title.For(language).Text ?? programme.Slug;
        }

        var period = string.Create(CultureInfo.InvariantCulture, $"{programme.PeriodStart}-{programme.PeriodEnd}");
        var abbreviation = body.Abbreviation.For(language).Text ?? body.Code;
        return string.Format(CultureInfo.InvariantCulture, AnnexTemplate.FirstPageTitle.In(language), period, name, abbreviation);
    }

    /// <summary>
    /// The deadline slippage table in <paramref name="language"/>: the ranked activities with the numbers the dashboard
    /// shows, their texts with references written as <paramref name="referenceNumber"/> numbers them.
    /// </summary>
    public static AnnexSlippage Slippage(DeadlineSlippage.Result slippage, Func<Guid, Language, string> referenceNumber, Language language)
    {
        ArgumentNullException.ThrowIfNull(slippage);
        AnnexTemplate.Pair[] headings =
        [
            AnnexTemplate.SlippageNumber, AnnexTemplate.SlippageActivity, AnnexTemplate.SlippageFirst, AnnexTemplate.SlippageLatest,
            AnnexTemplate.SlippageMoves, AnnexTemplate.SlippageMonths,
        ];
        var heading = new AnnexRow(AnnexRowKind.Header,
            headings.Select(h => new AnnexCell([new AnnexParagraph([new AnnexRun(h.In(language), language, Bold: true)])], Centered: true)).ToList());
        var ranked = slippage.Ranked;
        var rows = ranked.Select(a => new AnnexRow(
            AnnexRowKind.Activity,
            [
                Plain(a.Reference, language),
                Text(ActivityReferences.Render(a.Title, referenceNumber), language),
                Reading(a.FirstDated, referenceNumber, language),
                Reading(a.LatestDated, referenceNumber, language),
                Plain(a.Moves.ToString(CultureInfo.InvariantCulture), language, centered: true),
                Plain(a.Months.ToString(CultureInfo.InvariantCulture), language, centered: true),
            ],
            a.ActivityId)).ToList();
        var notes = new List<string> { string.Format(CultureInfo.InvariantCulture, AnnexTemplate.SlippageNote.In(language), string.Join(", ", slippage.Sources)) };
        if (rows.Count == 0)
        {
            notes.Add(AnnexTemplate.SlippageNone.In(language));
        }

        return new AnnexSlippage(AnnexTemplate.SlippageHeading.In(language), notes, heading, rows);
    }

    /// <summary>A deadline as it read in one version, and that version's label under it.</summary>
    private static AnnexCell Reading(DeadlineSlippage.Step? step, Func<Guid, Language, string> referenceNumber, Language language)
    {
        if (step is null)
        {
            return AnnexCell.Empty;
        }

        var source = string.Format(CultureInfo.InvariantCulture, AnnexTemplate.SlippageReadIn.In(language), step.Source);
        return new AnnexCell(
        [
            .. TextParagraphs(ActivityReferences.Render(step.Text, referenceNumber), language),
            new AnnexParagraph([new AnnexRun(source, language, Italic: true)]),
        ]);
    }

    private static AnnexSection SectionOf(Section section, IEnumerable<ActivityRowView> rows, Language language)
    {
        var columns = ColumnsOf(section);
        return new AnnexSection(
            section,
            (section == Section.TimeBound ? AnnexTemplate.TimeBoundHeading : AnnexTemplate.PermanentHeading).In(language),
            columns,
            new AnnexRow(AnnexRowKind.Header, columns.Select(c => HeadingCell(c, section, language)).ToList()),
            new AnnexRow(AnnexRowKind.Questions, columns.Select(c => Lines(AnnexTemplate.Question(c, section, language), language)).ToList()),
            ExampleRow(section, columns, language),
            rows.Select(r => ActivityRow(r, columns, language)).ToList());
    }

    private static AnnexCell HeadingCell(TableColumn column, Section section, Language language)
    {
        var runs = new List<AnnexRun> { new(AnnexTemplate.Heading(column, section, language), language, Bold: true) };
        if (AnnexTemplate.FootnoteOf(column, section) is { } footnote)
        {
            runs.Add(new AnnexRun(footnote.ToString(CultureInfo.InvariantCulture), language, AnnexRunKind.FootnoteReference));
        }

        return new AnnexCell([new AnnexParagraph(runs)], Centered: true);
    }

    private static AnnexRow ExampleRow(Section section, IReadOnlyList<TableColumn> columns, Language language)
    {
        var texts = AnnexTemplate.ExampleCells(section, language);
        var cells = columns.Select((column, index) => column switch
        {
            TableColumn.Number => new AnnexCell([new AnnexParagraph([new AnnexRun(texts[index], language, Bold: true)])], Centered: true),
            TableColumn.Priority or TableColumn.Link => Plain(texts[index], language, centered: true),
            TableColumn.ExecutionLevel => LevelCell(ExecutionLevel.Green, language),
            _ => Lines(texts[index].Split('\n'), language),
        }).ToList();
        return new AnnexRow(AnnexRowKind.Example, cells);
    }

    private static AnnexRow ActivityRow(ActivityRowView row, IReadOnlyList<TableColumn> columns, Language language) => new(
        AnnexRowKind.Activity,
        columns.Select(column => Cell(column, row, language)).ToList(),
        row.ActivityId,
        row.Number,
        row.Revision);

    private static AnnexCell Cell(TableColumn column, ActivityRowView row, Language language) => column switch
    {
        TableColumn.Number => Plain(row.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) + "." : "", language),
        TableColumn.Priority => Plain(row.Priority?.ToString() ?? "", language, centered: true),
        TableColumn.Link => Plain(row.LinkedToStrategicPlan switch
        {
            true => AnnexTemplate.Yes.In(language),
            false => AnnexTemplate.No.In(language),
            null => "",
        }, language, centered: true),
        TableColumn.Activity => Text(row.Title, language),
        TableColumn.StrategicPlan => Plain(Codes(row.PlanElements, language), language),
        TableColumn.TaskType => Plain(row.TaskType?.Name.In(language) ?? "", language),
        TableColumn.Body => Plain(Codes(row.Bodies, language), language),
        TableColumn.Resources => Text(row.Resources, language),
        TableColumn.Kpi => Text(row.Kpi, language),
        TableColumn.Deadline => Deadline(row.Deadline, language),
        TableColumn.Status => Status(row.Status, language),
        TableColumn.ExecutionLevel => row.Status?.ExecutionLevel is { } level ? LevelCell(level, language) : AnnexCell.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>The colour, and its word too: the level must survive black-and-white printing and colour blindness.</summary>
    private static AnnexCell LevelCell(ExecutionLevel level, Language language) =>
        new([new AnnexParagraph([new AnnexRun(AnnexTemplate.Word(level, language), language, Bold: true)])], level, Centered: true);

    /// <summary>A continuous-work deadline is the template's own term, so it can be given in either language.</summary>
    private static AnnexCell Deadline(Deadline deadline, Language language) =>
        deadline.Continuous && deadline.Text.In(language) is null
            ? Plain(AnnexTemplate.ContinuousWork.In(language), language)
            : Text(deadline.Text, language);

    /// <summary>Footnote 6: the keyword, the key milestones reached with their dates, then the next steps.</summary>
    private static AnnexCell Status(StatusView? status, Language language)
    {
        if (status is null)
        {
            return AnnexCell.Empty;
        }

        var paragraphs = new List<AnnexParagraph>();
        var narrative = TextParagraphs(status.Narrative, language);
        if (status.Keyword is { } keyword)
        {
            var lead = new AnnexRun(AnnexTemplate.Word(keyword, language) + ".", language, Bold: true);
            if (narrative.Count > 0)
            {
                paragraphs.Add(new AnnexParagraph([lead, new AnnexRun(" ", language), .. narrative[0].Runs]));
                narrative.RemoveAt(0);
            }
            else
            {
                paragraphs.Add(new AnnexParagraph([lead]));
            }
        }

        paragraphs.AddRange(narrative);
        if (status.MilestonesReached.Count > 0)
        {
            paragraphs.Add(new AnnexParagraph([new AnnexRun(AnnexTemplate.MilestonesReached.In(language), language, Italic: true)]));
            foreach (var milestone in status.MilestonesReached)
            {
                var date = milestone.Date is { } d ? ProgrammeTable.Date(d, language) + (language == Language.Fr ? " : " : ": ") : "";
                var text = TextParagraphs(milestone.Text, language);
                paragraphs.Add(new AnnexParagraph([new AnnexRun("– " + date, language), .. text.SelectMany(p => p.Runs)]));
            }
        }

        var nextSteps = TextParagraphs(status.NextSteps, language);
        if (nextSteps.Count > 0)
        {
            paragraphs.Add(new AnnexParagraph([new AnnexRun(AnnexTemplate.NextSteps.In(language) + " ", language, Italic: true), .. nextSteps[0].Runs]));
            paragraphs.AddRange(nextSteps.Skip(1));
        }

        return new AnnexCell(paragraphs);
    }

    private static AnnexCell Text(BilingualText text, Language language) => new(TextParagraphs(text, language));

    /// <summary>
    /// The text in the wanted language, one paragraph per line; a text that exists only in the other language is shown
    /// in that language after a visible "[FR]"/"[EN]" marker, never passed off as a translation.
    /// </summary>
    private static List<AnnexParagraph> TextParagraphs(BilingualText text, Language language)
    {
        var shown = text.For(language);
        if (shown.Text is null)
        {
            return [];
        }

        var lines = shown.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var paragraphs = lines.Select(line => new AnnexParagraph([new AnnexRun(line, shown.Language)])).ToList();
        if (shown.IsFallback && paragraphs.Count > 0)
        {
            var marker = new AnnexRun($"[{shown.Language.Code().ToUpperInvariant()}]", shown.Language, AnnexRunKind.FallbackMarker, Bold: true);
            paragraphs[0] = new AnnexParagraph([marker, new AnnexRun(" ", shown.Language), .. paragraphs[0].Runs]);
        }

        return paragraphs;
    }

    private static string Codes(IEnumerable<CodeLabel> codes, Language language) =>
        string.Join(", ", codes.Select(c => c.Display.For(language).Text ?? c.Code));

    private static AnnexCell Plain(string text, Language language, bool centered = false) =>
        text.Length == 0 ? AnnexCell.Empty : new AnnexCell([new AnnexParagraph([new AnnexRun(text, language)])], Centered: centered);

    private static AnnexCell Lines(IEnumerable<string> lines, Language language) =>
        new(lines.Select(line => new AnnexParagraph([new AnnexRun(line, language)])).ToList());

    private static CultureInfo CultureOf(Language language) => CultureInfo.GetCultureInfo(language == Language.Fr ? "fr-FR" : "en-GB");
}
