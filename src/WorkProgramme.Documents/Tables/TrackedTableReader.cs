using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using ActivityLabel = WorkProgramme.Domain.Activities.ActivityLabel;
using Section = WorkProgramme.Domain.Activities.Section;
using WordRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace WorkProgramme.Documents.Tables;

/// <summary>How a row of a tracked-changes table reads across its two versions.</summary>
public enum RowReading
{
    /// <summary>In both versions, with the same number.</summary>
    Kept,

    /// <summary>In both versions; the digits of its number were changed ("12." → "11.").</summary>
    Renumbered,

    /// <summary>An inserted row (w:trPr/w:ins): only in the newer version.</summary>
    Added,

    /// <summary>A deleted row (w:trPr/w:del): only in the older version.</summary>
    Retired,
}

/// <summary>
/// Both versions of the table as the document shows them: OLD = every change rejected, NEW = every change accepted.
/// </summary>
public sealed record TrackedTable(Language Language, IReadOnlyList<TrackedRow> Rows, IReadOnlyList<TableProblem> Problems,
    IReadOnlySet<TableColumn> Columns);

/// <summary>
/// One activity row: its cells in each version (Old null when Added, New null when Retired), the execution level each
/// version's shading gives (null = no colour), and what the reader could not decide (null when nothing).
/// </summary>
public sealed record TrackedRow(Section Section, int RowNumber, RowReading Reading, TableRow? Old, TableRow? New,
    ExecutionLevel? OldLevel, ExecutionLevel? NewLevel, BilingualText? Doubt);

/// <summary>
/// Reads the programme table of a Word document with its tracked changes, as Word, LibreOffice or we wrote it: each row
/// in the version with every change rejected (OLD) and the one with every change accepted (NEW), how the row pairs
/// across them, and each version's execution level from the cell's colour (docs/decisions/0045-reading-tracked-changes.md).
/// Columns, section headings and split tables are found as <see cref="WordTableReader"/> finds them.
/// </summary>
public static class TrackedTableReader
{
    /// <summary>Deeper than any document a person writes: a file nesting further is refused as damaged.</summary>
    private const int MaxDepth = 200;

    public static TrackedTable Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return WordTableReader.ReadBody(file, Read, Refused);
    }

    /// <summary>
    /// A text as two documents may both write it, for comparing: white space of any kind (line breaks, tabs, no-break and
    /// thin spaces) folds to one space and the ends are trimmed; typographic apostrophes and single quotes (’ ‘ ‛ ′) fold to
    /// ', double quotes (“ ” „ « ») to ", non-breaking and soft hyphens to - and nothing. Nothing else (case, accents,
    /// dashes, digits) is touched.
    /// </summary>
    public static string Comparable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF')
            {
                space = builder.Length > 0;
                continue;
            }

            if (c == '\u00AD')
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c switch
            {
                '’' or '‘' or '‛' or '′' => '\'',
                '“' or '”' or '„' or '«' or '»' => '"',
                '\u2011' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static TrackedTable Refused(TableProblem problem) => new(Language.Fr, [], [problem], new HashSet<TableColumn>());

    private enum Version
    {
        Old,
        New,
    }

    /// <summary>Where the reading of one version stands: its section and the number of its last activity row.</summary>
    private sealed class Sequence
    {
        public Section Section { get; set; } = Section.TimeBound;

        public int? LastNumber { get; set; }

        /// <summary>A heading opens its section, whose numbers start again.</summary>
        public void Enter(Section? section)
        {
            if (section is { } opened && opened != Section)
            {
                Section = opened;
                LastNumber = null;
            }
        }
    }

    private static TrackedTable Read(Body? body)
    {
        var rows = new List<TrackedRow>();
        var headers = new ProgrammeHeaders();
        var old = new Sequence();
        var current = new Sequence();
        Dictionary<int, TableColumn>? map = null;
        var tableNumber = 0;
        foreach (var block in Blocks(body, 0))
        {
            if (block is Paragraph paragraph)
            {
                // A heading changed by the revision gives each version its own section.
                old.Enter(WordTableReader.SectionHeading(ParagraphText(paragraph, Version.Old, 0)));
                current.Enter(WordTableReader.SectionHeading(ParagraphText(paragraph, Version.New, 0)));
                continue;
            }

            if (block is not Table table)
            {
                continue;
            }

            tableNumber++;
            var tableRows = Rows(table, 0).ToList();
            // The NEW headers first; a header row the revision rewrote past recognition still reads in OLD.
            var header = headers.Find(tableRows, WordTableReader.HeaderSearchRows, row => HeaderCells(row, Version.New), row => HeaderCells(row, Version.Old));
            map = header?.Map.ToDictionary(f => f.Key, f => f.Value.Column) ?? map;
            if (map is null)
            {
                continue;
            }

            foreach (var (row, index) in tableRows.Select((r, i) => (r, i)).Where(r => r.i > (header?.Index ?? -1)))
            {
                if (ReadRow(row, index + 1, tableNumber, map, old, current) is { } tracked)
                {
                    rows.Add(tracked);
                }
            }
        }

        return new TrackedTable(headers.Language, rows, map is null ? [ProgrammeHeaders.NoProgrammeTable] : [], new HashSet<TableColumn>(headers.Columns));
    }

    private static TrackedRow? ReadRow(WordRow row, int rowNumber, int tableNumber, Dictionary<int, TableColumn> map, Sequence old, Sequence current)
    {
        var properties = row.TableRowProperties;
        var inserted = properties?.GetFirstChild<Inserted>() is not null;
        var deleted = properties?.GetFirstChild<Deleted>() is not null;
        var oldCells = new Dictionary<TableColumn, string>();
        var newCells = new Dictionary<TableColumn, string>();
        TableCell? levelCell = null;
        var numberChanged = false;
        foreach (var (gridColumn, cell) in GridCells(row))
        {
            if (!map.TryGetValue(gridColumn, out var column))
            {
                continue;
            }

            if (CellText(cell, Version.Old) is { Length: > 0 } oldText)
            {
                oldCells[column] = oldText;
            }

            if (CellText(cell, Version.New) is { Length: > 0 } newText)
            {
                newCells[column] = newText;
            }

            if (column == TableColumn.ExecutionLevel)
            {
                levelCell = cell;
            }

            if (column == TableColumn.Number)
            {
                numberChanged = Changes(cell).Any();
            }
        }

        var oldNumber = inserted ? null : ProgrammeTable.ParseNumber(oldCells.GetValueOrDefault(TableColumn.Number));
        var newNumber = deleted ? null : ProgrammeTable.ParseNumber(newCells.GetValueOrDefault(TableColumn.Number));
        if (oldNumber is null && newNumber is null)
        {
            // The row of questions, the EXAMPLE row, an empty row: not an activity in either version.
            return null;
        }

        // A row in both versions that is an activity in one only reads as in that one only (and says so).
        var reading = (inserted || oldNumber is null, deleted || newNumber is null) switch
        {
            (true, _) => RowReading.Added,
            (_, true) => RowReading.Retired,
            _ when oldNumber != newNumber => RowReading.Renumbered,
            _ => RowReading.Kept,
        };
        var doubt = !inserted && !deleted && (oldNumber is null || newNumber is null)
            ? new BilingualText(
                "Le numéro de cette ligne n’est un numéro que dans une des deux versions : la ligne est lue comme présente seulement dans celle-ci.",
                "This row's number is a number in only one of the two versions: the row is read as present in that one only.")
            : NumberDoubt(reading, oldNumber, newNumber, numberChanged, old.LastNumber, current.LastNumber);

        var (oldLevel, newLevel, levelDoubt) = Levels(levelCell);
        doubt = Join(doubt, levelDoubt);
        var oldRow = reading == RowReading.Added
            ? null
            : new TableRow(Sheet(old.Section, tableNumber), rowNumber, old.Section, oldCells);
        var newRow = reading == RowReading.Retired
            ? null
            : new TableRow(Sheet(current.Section, tableNumber), rowNumber, current.Section, newCells);
        old.LastNumber = oldNumber ?? old.LastNumber;
        current.LastNumber = newNumber ?? current.LastNumber;
        return new TrackedRow(newRow?.Section ?? oldRow!.Section, rowNumber, reading, oldRow, newRow,
            oldRow is null ? null : oldLevel, newRow is null ? null : newLevel, doubt);
    }

    private static string Sheet(Section section, int tableNumber) => $"{ActivityLabel.SectionMark(section)} (table {tableNumber})";

    /// <summary>
    /// What the number cell of a row in both versions leaves undecided: digits deleted and inserted that give the same
    /// number back; or a renumbering that fits neither version's neighbours while the same
    /// digits read the other way round (old as new, new as old) fit both.
    /// </summary>
    private static BilingualText? NumberDoubt(RowReading reading, int? oldNumber, int? newNumber, bool numberChanged, int? lastOld, int? lastNew)
    {
        if (reading is RowReading.Added or RowReading.Retired || oldNumber is null || newNumber is null)
        {
            return null;
        }

        var o = oldNumber.Value;
        var n = newNumber.Value;
        if (reading == RowReading.Kept && numberChanged)
        {
            return new BilingualText(
                string.Create(CultureInfo.InvariantCulture, $"Les chiffres du numéro {o} ont été supprimés et insérés de nouveau : la ligne est lue comme gardée sous le même numéro."),
                string.Create(CultureInfo.InvariantCulture, $"The digits of number {o} were deleted and inserted again: the row is read as kept under the same number."));
        }

        if (reading == RowReading.Renumbered && lastOld is { } previousOld && lastNew is { } previousNew
            && o != previousOld + 1 && n != previousNew + 1 && o == previousNew + 1 && n == previousOld + 1)
        {
            return new BilingualText(
                string.Create(CultureInfo.InvariantCulture, $"Le numéro se lit {o} → {n} d’après les modifications, mais {n} → {o} suivrait les lignes voisines : vérifiez la renumérotation."),
                string.Create(CultureInfo.InvariantCulture, $"The number reads {o} → {n} from the changes, but {n} → {o} would follow the neighbouring rows: check the renumbering."));
        }

        return null;
    }

    private static BilingualText? Join(BilingualText? first, BilingualText? second) => (first, second) switch
    {
        (null, _) => second,
        (_, null) => first,
        _ => new BilingualText(first!.Fr + " " + second!.Fr, first.En + " " + second.En),
    };

    /// <summary>The tracked changes of a cell's text (not of its formatting).</summary>
    private static IEnumerable<OpenXmlElement> Changes(OpenXmlElement cell) =>
        cell.Descendants().Where(e => e is InsertedRun or DeletedRun or MoveFromRun or MoveToRun);

    /// <summary>
    /// Each version's execution level from the cell's fill: the fill it has now (NEW), and the fill its tracked property
    /// change recorded (OLD; the same as NEW when none was recorded).
    /// </summary>
    private static (ExecutionLevel? Old, ExecutionLevel? New, BilingualText? Doubt) Levels(TableCell? cell)
    {
        if (cell is null)
        {
            return (null, null, null);
        }

        var properties = cell.TableCellProperties;
        var now = properties?.Shading;
        var previous = properties?.GetFirstChild<TableCellPropertiesChange>()?.GetFirstChild<PreviousTableCellProperties>();
        var before = previous is null ? now : previous.GetFirstChild<Shading>();
        var (newLevel, newUnknown) = LevelColours.Read(now);
        var (oldLevel, oldUnknown) = LevelColours.Read(before);
        var unknown = new[] { oldUnknown, newUnknown }.Where(u => u is not null).Distinct().ToList();
        return (oldLevel, newLevel, unknown.Count == 0
            ? null
            : new BilingualText(
                $"La couleur de la cellule « Niveau d’exécution » ({string.Join(", ", unknown)}) n’est ni verte, ni bleue, ni rouge : pas de niveau lu.",
                $"The colour of the \"Execution level\" cell ({string.Join(", ", unknown)}) is neither green, blue nor red: no level read."));
    }

    /// <summary>The body's blocks in order, content controls and custom XML opened (their content is the document's).</summary>
    private static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement? parent, int depth)
    {
        if (parent is null)
        {
            yield break;
        }

        Guard(depth);
        foreach (var child in parent.ChildElements)
        {
            if (child is Paragraph or Table)
            {
                yield return child;
            }
            else if (child is SdtBlock or SdtContentBlock or CustomXmlBlock or AlternateContent or AlternateContentChoice)
            {
                foreach (var inner in Blocks(Opened(child), depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>A table's rows, content controls around rows opened.</summary>
    private static IEnumerable<WordRow> Rows(Table table, int depth)
    {
        Guard(depth);
        return Inside(table, depth).OfType<WordRow>();

        static IEnumerable<OpenXmlElement> Inside(OpenXmlElement parent, int depth)
        {
            Guard(depth);
            foreach (var child in parent.ChildElements)
            {
                if (child is WordRow)
                {
                    yield return child;
                }
                else if (child is SdtRow or SdtContentRow or CustomXmlRow)
                {
                    foreach (var inner in Inside(child, depth + 1))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>Each cell with the grid column it starts in (merged cells span several; content controls around cells opened).</summary>
    private static IEnumerable<(int GridColumn, TableCell Cell)> GridCells(WordRow row)
    {
        var gridColumn = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
        foreach (var cell in Cells(row, 0))
        {
            yield return (gridColumn, cell);
            gridColumn += cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
        }

        static IEnumerable<TableCell> Cells(OpenXmlElement parent, int depth)
        {
            Guard(depth);
            foreach (var child in parent.ChildElements)
            {
                if (child is TableCell cell)
                {
                    yield return cell;
                }
                else if (child is SdtCell or SdtContentCell or CustomXmlCell)
                {
                    foreach (var inner in Cells(child, depth + 1))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>An element's content: a content control's content, the first choice of alternate content.</summary>
    private static OpenXmlElement Opened(OpenXmlElement element) => element switch
    {
        SdtBlock sdt => sdt.SdtContentBlock ?? (OpenXmlElement)sdt,
        AlternateContent alternate => alternate.GetFirstChild<AlternateContentChoice>() ?? (OpenXmlElement?)alternate.GetFirstChild<AlternateContentFallback>() ?? alternate,
        _ => element,
    };

    private static IEnumerable<(int, string?)> HeaderCells(WordRow row, Version version) =>
        GridCells(row).Select(c => (c.GridColumn, CellText(c.Cell, version)));

    /// <summary>
    /// A cell's text in one version: its paragraphs (those of tables nested in it too) trimmed, empty ones left out, joined
    /// by line breaks; a paragraph mark that the version does not have joins its paragraph to the next (OLD: marks inserted
    /// or moved to; NEW: marks deleted or moved from).
    /// </summary>
    private static string? CellText(TableCell cell, Version version)
    {
        var paragraphs = new List<string>();
        var pending = new StringBuilder();
        foreach (var paragraph in Paragraphs(cell, version, 0))
        {
            Append(paragraph, pending, version, new Stack<bool>(), 0);
            if (MarkAbsent(paragraph, version))
            {
                continue;
            }

            paragraphs.Add(pending.ToString().Trim());
            pending.Clear();
        }

        if (pending.Length > 0)
        {
            paragraphs.Add(pending.ToString().Trim());
        }

        var lines = paragraphs.Where(p => p.Length > 0).ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    private static bool MarkAbsent(Paragraph paragraph, Version version)
    {
        var mark = paragraph.ParagraphProperties?.ParagraphMarkRunProperties;
        if (mark is null)
        {
            return false;
        }

        return version == Version.Old
            ? mark.GetFirstChild<Inserted>() is not null || mark.GetFirstChild<MoveTo>() is not null
            : mark.GetFirstChild<Deleted>() is not null || mark.GetFirstChild<MoveFrom>() is not null;
    }

    /// <summary>The paragraphs of a cell in order, nested tables' rows of the other version left out.</summary>
    private static IEnumerable<Paragraph> Paragraphs(OpenXmlElement parent, Version version, int depth)
    {
        Guard(depth);
        foreach (var child in parent.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    yield return paragraph;
                    break;
                case WordRow row when !InVersion(row, version):
                    break;
                case TableProperties or TableGrid or TableCellProperties or TableRowProperties or SdtProperties or SdtEndCharProperties:
                    break;
                case AlternateContent alternate:
                    foreach (var inner in Paragraphs(Opened(alternate), version, depth + 1))
                    {
                        yield return inner;
                    }

                    break;
                default:
                    foreach (var inner in Paragraphs(child, version, depth + 1))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private static bool InVersion(WordRow row, Version version) => version == Version.Old
        ? row.TableRowProperties?.GetFirstChild<Inserted>() is null
        : row.TableRowProperties?.GetFirstChild<Deleted>() is null;

    /// <summary>
    /// A paragraph's text in one version: runs inserted or moved here are NEW's only, runs deleted or moved away OLD's only;
    /// fields give their result, not their code; footnote and comment references, bookmarks, proofing marks and properties
    /// (formatting changes included) give nothing; content controls and smart tags give their content.
    /// </summary>
    private static string ParagraphText(Paragraph paragraph, Version version, int depth)
    {
        var builder = new StringBuilder();
        Append(paragraph, builder, version, new Stack<bool>(), depth);
        return builder.ToString().Trim();
    }

    private static void Append(OpenXmlElement parent, StringBuilder builder, Version version, Stack<bool> fields, int depth)
    {
        Guard(depth);
        foreach (var child in parent.ChildElements)
        {
            if (child is OpenXmlUnknownElement unknown)
            {
                AppendUnknown(unknown, builder, version, fields, depth);
                continue;
            }

            switch (child)
            {
                case InsertedRun or MoveToRun when version == Version.Old:
                case DeletedRun or MoveFromRun when version == Version.New:
                case ParagraphProperties or RunProperties or SdtProperties or SdtEndCharProperties:
                case FieldCode or DeletedFieldCode or FootnoteReference or EndnoteReference or CommentReference:
                case AlternateContentFallback:
                    break;
                case AlternateContent alternate:
                    Append(Opened(alternate), builder, version, fields, depth + 1);
                    break;
                case FieldChar fieldChar:
                    // Between begin and separate is the field's code; between separate and end, its result.
                    if (fieldChar.FieldCharType?.Value == FieldCharValues.Begin)
                    {
                        fields.Push(true);
                    }
                    else if (fieldChar.FieldCharType?.Value == FieldCharValues.Separate && fields.Count > 0)
                    {
                        fields.Pop();
                        fields.Push(false);
                    }
                    else if (fieldChar.FieldCharType?.Value == FieldCharValues.End && fields.Count > 0)
                    {
                        fields.Pop();
                    }

                    break;
                case Text text when !InFieldCode(fields):
                    builder.Append(text.Text);
                    break;
                case DeletedText deletedText when version == Version.Old && !InFieldCode(fields):
                    builder.Append(deletedText.Text);
                    break;
                case TabChar or PositionalTab when !InFieldCode(fields):
                    builder.Append(' ');
                    break;
                case Break or CarriageReturn when !InFieldCode(fields):
                    builder.Append('\n');
                    break;
                case NoBreakHyphen when !InFieldCode(fields):
                    builder.Append('-');
                    break;
                case Paragraph nested:
                    // A text box's paragraphs inside a run (alternate content's choice): one line each.
                    if (builder.Length > 0)
                    {
                        builder.Append('\n');
                    }

                    Append(nested, builder, version, fields, depth + 1);
                    break;
                default:
                    if (child.HasChildren)
                    {
                        Append(child, builder, version, fields, depth + 1);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Markup the SDK does not place where it stands (a smart tag, or older Word's markup inside one) comes as unknown
    /// elements, its runs and texts too: read them by their WordprocessingML names.
    /// </summary>
    private static void AppendUnknown(OpenXmlUnknownElement element, StringBuilder builder, Version version, Stack<bool> fields, int depth)
    {
        const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        if (element.NamespaceUri != W)
        {
            if (element.HasChildren)
            {
                Append(element, builder, version, fields, depth + 1);
            }

            return;
        }

        switch (element.LocalName)
        {
            case "ins" or "moveTo" when version == Version.Old:
            case "del" or "moveFrom" when version == Version.New:
            case "rPr" or "pPr" or "sdtPr" or "sdtEndPr" or "smartTagPr" or "instrText" or "delInstrText" or "footnoteReference" or "endnoteReference" or "commentReference":
                return;
            case "t":
                builder.Append(element.InnerText);
                return;
            case "delText":
                builder.Append(version == Version.Old ? element.InnerText : "");
                return;
            case "tab":
                builder.Append(' ');
                return;
            case "br" or "cr":
                builder.Append('\n');
                return;
            case "noBreakHyphen":
                builder.Append('-');
                return;
            default:
                if (element.HasChildren)
                {
                    Append(element, builder, version, fields, depth + 1);
                }

                return;
        }
    }

    private static bool InFieldCode(Stack<bool> fields) => fields.Count > 0 && fields.Peek();

    private static void Guard(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DocumentTooDeepException();
        }
    }
}
