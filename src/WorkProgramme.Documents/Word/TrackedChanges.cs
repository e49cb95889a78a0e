using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WorkProgramme.Documents.Word;

/// <summary>
/// Word's "accept all changes" and "reject all changes" for the tracked changes a redline writes, on a copy of the
/// document body, and the check that a redline says exactly what the two plain exports say.
/// </summary>
/// <remarks>
/// What is compared (<see cref="Content"/>): the document body in order, each paragraph outside a table by its text, and
/// every row of every table (the heading row, the row of questions, the EXAMPLE row and each activity row) cell by cell:
/// the cell's text (its paragraphs' texts joined by line breaks) and its shading (the execution level's colour). The
/// running headers, page labels and footnotes are the newer version's and are not tracked, so they are not compared.
/// </remarks>
public static class TrackedChanges
{
    /// <summary>A copy of <paramref name="body"/> with every change accepted: the newer version.</summary>
    public static Body Accept(Body body) => Resolve(body, accept: true);

    /// <summary>A copy of <paramref name="body"/> with every change rejected: the older version.</summary>
    public static Body Reject(Body body) => Resolve(body, accept: false);

    /// <summary>The compared content of a body, one line per paragraph outside tables and per table cell.</summary>
    public static IReadOnlyList<string> Content(Body body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lines = new List<string>();
        var tableIndex = 0;
        foreach (var block in body.ChildElements)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    lines.Add("¶ " + paragraph.InnerText);
                    break;
                case Table table:
                    tableIndex++;
                    foreach (var (row, r) in table.Elements<TableRow>().Select((row, r) => (row, r + 1)))
                    {
                        foreach (var (cell, c) in row.Elements<TableCell>().Select((cell, c) => (cell, c + 1)))
                        {
                            var fill = cell.TableCellProperties?.Shading?.Fill?.Value;
                            var text = string.Join("\n", cell.Elements<Paragraph>().Select(p => p.InnerText));
                            lines.Add($"table {tableIndex} row {r} cell {c}{(fill is null ? "" : " [" + fill + "]")}: {text}");
                        }
                    }

                    break;
            }
        }

        return lines;
    }

    /// <summary>
    /// What is wrong with a redline, empty when nothing: accepting every change must give <paramref name="newerContent"/>
    /// (the newer plain export's <see cref="Content"/>), rejecting every change <paramref name="olderContent"/>, and the
    /// main document part, where every tracked change is, must pass the Open XML validator. The other parts are the plain
    /// export's own, validated by its tests; validating them again on every download would double the check's cost.
    /// </summary>
    public static IReadOnlyList<string> Verify(byte[] redline, IReadOnlyList<string> newerContent, IReadOnlyList<string> olderContent)
    {
        ArgumentNullException.ThrowIfNull(redline);
        var problems = new List<string>();
        using var document = WordprocessingDocument.Open(new MemoryStream(redline), false);
        var main = document.MainDocumentPart!;
        var body = main.Document.Body!;
        problems.AddRange(Differences("accept all", Content(Accept(body)), newerContent));
        problems.AddRange(Differences("reject all", Content(Reject(body)), olderContent));
        problems.AddRange(new OpenXmlValidator().Validate(main).Take(10).Select(e => $"validator: {e.Path?.XPath} {e.Description}"));
        return problems;
    }

    private static IEnumerable<string> Differences(string what, IReadOnlyList<string> actual, IReadOnlyList<string> expected)
    {
        var shown = 0;
        for (var i = 0; i < Math.Max(actual.Count, expected.Count) && shown < 5; i++)
        {
            var a = i < actual.Count ? actual[i] : "(nothing)";
            var e = i < expected.Count ? expected[i] : "(nothing)";
            if (a != e)
            {
                shown++;
                yield return $"{what}: expected «{e}» but found «{a}»";
            }
        }

        if (actual.Count != expected.Count)
        {
            yield return $"{what}: expected {expected.Count} paragraphs and cells but found {actual.Count}";
        }
    }

    private static Body Resolve(Body original, bool accept)
    {
        ArgumentNullException.ThrowIfNull(original);
        var body = (Body)original.CloneNode(true);

        foreach (var row in body.Descendants<TableRow>().ToList())
        {
            var inserted = row.TableRowProperties?.GetFirstChild<Inserted>();
            var deleted = row.TableRowProperties?.GetFirstChild<Deleted>();
            if (accept ? deleted is not null : inserted is not null)
            {
                row.Remove();
                continue;
            }

            inserted?.Remove();
            deleted?.Remove();
        }

        foreach (var insertion in body.Descendants<InsertedRun>().ToList())
        {
            if (accept)
            {
                Unwrap(insertion);
            }
            else
            {
                insertion.Remove();
            }
        }

        foreach (var deletion in body.Descendants<DeletedRun>().ToList())
        {
            if (accept)
            {
                deletion.Remove();
                continue;
            }

            foreach (var text in deletion.Descendants<DeletedText>().ToList())
            {
                text.InsertBeforeSelf(new Text(text.Text) { Space = SpaceProcessingModeValues.Preserve });
                text.Remove();
            }

            Unwrap(deletion);
        }

        foreach (var change in body.Descendants<TableCellPropertiesChange>().ToList())
        {
            var properties = (TableCellProperties)change.Parent!;
            change.Remove();
            if (!accept && change.GetFirstChild<PreviousTableCellProperties>() is { } previous)
            {
                properties.RemoveAllChildren();
                properties.Append(previous.ChildElements.Select(e => e.CloneNode(true)));
            }
        }

        // A paragraph mark that goes away joins its paragraph to the next one, as in Word; last first, so chains join in order.
        foreach (var paragraph in body.Descendants<Paragraph>().Reverse().ToList())
        {
            var mark = paragraph.ParagraphProperties?.ParagraphMarkRunProperties;
            var inserted = mark?.GetFirstChild<Inserted>();
            var deleted = mark?.GetFirstChild<Deleted>();
            if (inserted is null && deleted is null)
            {
                continue;
            }

            inserted?.Remove();
            deleted?.Remove();
            if (mark is not null && !mark.HasChildren)
            {
                mark.Remove();
            }

            var joins = accept ? deleted is not null : inserted is not null;
            if (joins && paragraph.NextSibling() is Paragraph next)
            {
                var content = paragraph.ChildElements.Where(e => e is not ParagraphProperties).ToList();
                var at = (OpenXmlElement?)next.ParagraphProperties;
                foreach (var element in content)
                {
                    element.Remove();
                    at = at is null ? next.PrependChild(element) : at.InsertAfterSelf(element);
                }

                paragraph.Remove();
            }
        }

        return body;
    }

    private static void Unwrap(OpenXmlElement wrapper)
    {
        foreach (var child in wrapper.ChildElements.ToList())
        {
            child.Remove();
            wrapper.InsertBeforeSelf(child);
        }

        wrapper.Remove();
    }
}
