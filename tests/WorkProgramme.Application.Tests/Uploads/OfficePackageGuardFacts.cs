using System.IO.Compression;
using System.Text;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Documents.Packages;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Uploads;

/// <summary>Every hostile kind of file is built here and must be refused before any parser sees it.</summary>
public sealed class OfficePackageGuardFacts
{
    private static readonly byte[] Workbook = ExportSpreadsheet.Template(Language.Fr, [.. WorkProgramme.Domain.Activities.TaskType.Shipped.Select(WorkProgramme.Application.Features.Programmes.ActivityRowViews.ToLabel)]).Content;

    private static BilingualText Refusal(byte[] file, OfficeKind kind = OfficeKind.Spreadsheet) =>
        OfficePackageGuard.Check(file, kind) ?? throw new Xunit.Sdk.XunitException("The file was accepted.");

    [Fact]
    public void Our_own_workbook_passes()
    {
        Assert.Null(OfficePackageGuard.Check(Workbook, OfficeKind.Spreadsheet));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        var refusal = Refusal(Encoding.UTF8.GetBytes("N°;Activités\n1;=cmd|' /C calc'!A0\n"));

        Assert.Equal("This is not an .xlsx (Office Open XML) file.", refusal.En);
        Assert.StartsWith("Ce n’est pas un fichier .xlsx", refusal.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_or_old_binary_file_is_refused()
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        Assert.Contains("Encrypted", Refusal(compoundFile).En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var large = new byte[OfficePackageGuard.MaxFileBytes + 1];
        Workbook.CopyTo(large, 0);

        Assert.Contains("larger than the maximum size", Refusal(large).En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_with_too_many_entries_is_refused()
    {
        var many = OfficeFiles.Zip(Enumerable.Range(0, OfficePackageGuard.MaxEntries + 1).Select(i => $"xl/f{i}.txt"), s => s.WriteByte(1));

        Assert.Contains("too many entries", Refusal(many).En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_highly_compressed_part_is_refused_as_a_zip_bomb()
    {
        var bomb = OfficeFiles.Rewrite(Workbook, new Dictionary<string, string?> { ["xl/bomb.xml"] = new string(' ', 20 * 1024 * 1024) });

        Assert.Contains("zip bomb", Refusal(bomb).En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_whose_real_uncompressed_size_exceeds_the_limit_is_refused()
    {
        var chunk = new byte[1024 * 1024];
        var huge = OfficeFiles.Zip(["xl/huge.bin"], stream =>
        {
            for (var i = 0; i < (OfficePackageGuard.MaxUncompressedBytes / chunk.Length) + 2; i++)
            {
                stream.Write(chunk);
            }
        });

        Assert.Contains("uncompressed file is larger", Refusal(huge).En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../evil.xml")]
    [InlineData("/etc/evil.xml")]
    [InlineData("xl\\..\\evil.xml")]
    [InlineData("C:/evil.xml")]
    public void An_entry_named_to_escape_its_folder_is_refused(string name)
    {
        var traversal = OfficeFiles.Rewrite(Workbook, new Dictionary<string, string?> { [name] = "<x/>" });

        Assert.Contains("dangerous name", Refusal(traversal).En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_with_a_dtd_is_refused()
    {
        var workbookXml = OfficeFiles.EntryText(Workbook, "xl/workbook.xml");
        var withDtd = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
            + workbookXml[(workbookXml.IndexOf("?>", StringComparison.Ordinal) + 2)..];
        var billionLaughs = OfficeFiles.Rewrite(Workbook, new Dictionary<string, string?> { ["xl/workbook.xml"] = withDtd });

        Assert.Contains("DTD", Refusal(billionLaughs).En, StringComparison.Ordinal);
        Assert.Contains("DTD", SpreadsheetReader.Read(billionLaughs).Problems.Single().Message.Fr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_macro_enabled_workbook_is_refused()
    {
        var types = OfficeFiles.EntryText(Workbook, "[Content_Types].xml")
            .Replace("spreadsheetml.sheet.main+xml", "spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/x.xml\" ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal);
        var macroType = OfficeFiles.Rewrite(Workbook, new Dictionary<string, string?> { ["[Content_Types].xml"] = types });
        var vbaProject = OfficeFiles.Rewrite(Workbook, new Dictionary<string, string?> { ["xl/vbaProject.bin"] = "Attribute VB_Name" });

        Assert.Contains("macros", Refusal(macroType).En, StringComparison.Ordinal);
        Assert.Contains("macros", Refusal(vbaProject).En, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_relationship_is_refused()
    {
        var rels = OfficeFiles.EntryText(Workbook, "xl/_rels/workbook.xml.rels").Replace("</Relationships>",
            "<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" Target=\"http://attacker.example/x.xlsx\" TargetMode=\"External\"/></Relationships>",
            StringComparison.Ordinal);
        var external = OfficeFiles.Rewrite(Workbook, new Dictionary<string, string?> { ["xl/_rels/workbook.xml.rels"] = rels });

        Assert.Contains("external resources", Refusal(external).En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_zip_is_refused()
    {
        var damaged = Workbook[..(Workbook.Length / 2)];

        Assert.Contains("damaged", Refusal(damaged).En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_sent_as_a_word_document_is_refused()
    {
        Assert.Equal("This is not a Word document (.docx).", Refusal(Workbook, OfficeKind.WordDocument).En);
    }

    [Fact]
    public void A_refused_file_reaches_the_import_as_one_problem_in_both_languages()
    {
        var read = SpreadsheetReader.Read(Encoding.UTF8.GetBytes("not a workbook"));

        var problem = Assert.Single(read.Problems);
        Assert.Empty(read.Rows);
        Assert.StartsWith("fichier : Ce n’est pas", problem.Describe(Language.Fr), StringComparison.Ordinal);
        Assert.StartsWith("file: This is not", problem.Describe(Language.En), StringComparison.Ordinal);
    }
}
