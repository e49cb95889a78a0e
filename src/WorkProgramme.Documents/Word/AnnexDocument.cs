using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using TableColumn = WorkProgramme.Documents.Tables.TableColumn;

namespace WorkProgramme.Documents.Word;

/// <summary>
/// The annex as the committee's template lays it out, in one language, before any file format: sections, rows, cells,
/// paragraphs and runs of text. Built by <see cref="AnnexBuilder"/>, written by <see cref="AnnexDocx"/>. A redline
/// (tracked changes between two versions) is built from two of these, row by row and run by run.
/// </summary>
public sealed record AnnexDocument(
    Language Language,
    string ProgrammeSlug,
    string VersionLabel,
    string? StatusSessionKey,
    string RunningHeader,
    string RunningTitle,
    string FirstPageTitle,
    string PageLabelPrefix,
    IReadOnlyList<AnnexSection> Sections,
    IReadOnlyList<AnnexFootnote> Footnotes,
    AnnexSlippage? Slippage = null)
{
    public IEnumerable<AnnexRow> ActivityRows => Sections.SelectMany(s => s.Rows);
}

/// <summary>
/// The optional table after the programme: the activities whose deadline moved from one version to the next, the
/// furthest first (<see cref="Insight.DeadlineSlippage"/>). Its rows have six cells: number, activity, first and latest
/// dated deadline (each with the version it was read from), number of moves and months slipped. Without rows (nothing
/// moved) only the heading and the notes are written.
/// </summary>
public sealed record AnnexSlippage(string Heading, IReadOnlyList<string> Notes, AnnexRow HeaderRow, IReadOnlyList<AnnexRow> Rows);

/// <summary>A section of the table (I. time-bound, II. permanent) with its own column set.</summary>
public sealed record AnnexSection(
    Section Section,
    string Heading,
    IReadOnlyList<TableColumn> Columns,
    AnnexRow HeaderRow,
    AnnexRow QuestionRow,
    AnnexRow ExampleRow,
    IReadOnlyList<AnnexRow> Rows);

public enum AnnexRowKind
{
    /// <summary>The column headings, repeated at the top of every page.</summary>
    Header,

    /// <summary>The template's explanatory questions under the headings.</summary>
    Questions,

    /// <summary>The template's EXAMPLE row: guidance, not an activity.</summary>
    Example,

    Activity,
}

/// <summary>One row: for an activity, its id and how it changed in the revision, so two versions can be compared.</summary>
public sealed record AnnexRow(AnnexRowKind Kind, IReadOnlyList<AnnexCell> Cells, Guid? ActivityId = null, int? Number = null,
    RevisionKind Revision = RevisionKind.Unchanged);

/// <summary>A cell: its paragraphs, and for the execution level the colour it is shaded with.</summary>
public sealed record AnnexCell(IReadOnlyList<AnnexParagraph> Paragraphs, ExecutionLevel? Shading = null, bool Centered = false)
{
    public static readonly AnnexCell Empty = new([]);

    public string PlainText => string.Join("\n", Paragraphs.Select(p => p.PlainText));
}

public sealed record AnnexParagraph(IReadOnlyList<AnnexRun> Runs)
{
    public string PlainText => string.Concat(Runs.Select(r => r.Text));
}

public enum AnnexRunKind
{
    Text,

    /// <summary>"[FR]" before a text shown in the other language because its translation is missing.</summary>
    FallbackMarker,

    /// <summary>The reference to one of the template's footnotes; <see cref="AnnexRun.Text"/> is its number.</summary>
    FootnoteReference,
}

/// <summary>A piece of text with one formatting, in the language it is written in.</summary>
public sealed record AnnexRun(string Text, Language Language, AnnexRunKind Kind = AnnexRunKind.Text, bool Bold = false, bool Italic = false);

/// <summary>One of the template's column footnotes (1 to 8), the rules of the programme.</summary>
public sealed record AnnexFootnote(int Number, string Text);
