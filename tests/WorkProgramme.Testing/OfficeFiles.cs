using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WorkProgramme.Testing;

/// <summary>Builds the Office files tests need: edited exports, and hostile packages the upload guard must refuse.</summary>
public static class OfficeFiles
{
    /// <summary>A copy of a zip package with entries replaced, added (non-null text) or removed (null).</summary>
    public static byte[] Rewrite(byte[] package, IReadOnlyDictionary<string, string?> changes, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var target = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                if (changes.ContainsKey(entry.FullName))
                {
                    continue;
                }

                var copy = target.CreateEntry(entry.FullName, level);
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }

            foreach (var (name, text) in changes.Where(c => c.Value is not null))
            {
                using var to = target.CreateEntry(name, level).Open();
                to.Write(Encoding.UTF8.GetBytes(text!));
            }
        }

        return buffer.ToArray();
    }

    public static string EntryText(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>A zip holding the given entries, each written with <paramref name="write"/>.</summary>
    public static byte[] Zip(IEnumerable<string> names, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                write(stream);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Changes a workbook as a user would in Excel: sets cells (null clears) on the sheet at <paramref name="sheetIndex"/>.</summary>
    public static byte[] EditSheet(byte[] workbook, int sheetIndex, IReadOnlyDictionary<string, string?> cells)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var document = SpreadsheetDocument.Open(buffer, true))
        {
            var sheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().ElementAt(sheetIndex);
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
            var data = part.Worksheet!.GetFirstChild<SheetData>()!;
            foreach (var (reference, text) in cells)
            {
                var rowIndex = uint.Parse(new string(reference.Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
                var row = data.Elements<Row>().SingleOrDefault(r => r.RowIndex?.Value == rowIndex);
                if (row is null)
                {
                    row = new Row { RowIndex = rowIndex };
                    data.Append(row);
                }

                row.Elements<Cell>().SingleOrDefault(c => c.CellReference?.Value == reference)?.Remove();
                if (text is null)
                {
                    continue;
                }

                var cell = new Cell(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };
                var after = row.Elements<Cell>().FirstOrDefault(c => Compare(c.CellReference!.Value!, reference) > 0);
                if (after is null)
                {
                    row.Append(cell);
                }
                else
                {
                    row.InsertBefore(cell, after);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Text of the cell at <paramref name="reference"/> in the sheet at <paramref name="sheetIndex"/>; null when empty.</summary>
    public static string? CellText(byte[] workbook, int sheetIndex, string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var sheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().ElementAt(sheetIndex);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
        var cell = part.Worksheet!.Descendants<Cell>().SingleOrDefault(c => c.CellReference?.Value == reference);
        return cell is null ? null : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text;
    }

    private static int Compare(string a, string b)
    {
        var (la, lb) = (new string(a.TakeWhile(char.IsLetter).ToArray()), new string(b.TakeWhile(char.IsLetter).ToArray()));
        return la.Length != lb.Length ? la.Length.CompareTo(lb.Length) : string.CompareOrdinal(la, lb);
    }
}
