using System.IO.Compression;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.StatusReports;
using static WorkProgramme.Documents.Tests.Tables.Ooxml;

namespace WorkProgramme.Documents.Tests.Tables;

/// <summary>
/// The tracked-changes reader on hand-written OOXML: the markup Word writes and LibreOffice and we do not (the documents
/// other programs write are read in Application.Tests' TrackedTableRoundTripFacts, through LibreOffice's UNO API).
/// </summary>
public sealed class TrackedTableReaderFacts
{
    private static TrackedTable Read(params string[] blocks)
    {
        var table = TrackedTableReader.Read(Document(blocks));
        Assert.Empty(table.Problems);
        return table;
    }

    private static TrackedRow Only(TrackedTable table) => Assert.Single(table.Rows);

    private static string? Old(TrackedRow row, TableColumn column) => row.Old?.Cell(column);

    private static string? New(TrackedRow row, TableColumn column) => row.New?.Cell(column);

    [Fact]
    public void Deleted_rows_are_retired_inserted_rows_added_changed_digits_renumbered_and_the_rest_kept()
    {
        var table = Read(Table(
            Activity("1.", "Première"),
            DeletedRow(CellOf(P(Del("2."))), CellOf(P(Del("Retirée"))), Cell(""), Cell(""), Level(null)),
            Row(CellOf(P(R("1"), Del("3"), Ins("2"), R("."))), Cell("Troisième"), Cell("2025"), Cell("En cours"), Level("00B050")),
            InsertedRow(CellOf(P(Ins("3."))), CellOf(P(Ins("Nouvelle"))), Cell(""), Cell(""), Level("0070C0"))));

        Assert.Equal([RowReading.Kept, RowReading.Retired, RowReading.Renumbered, RowReading.Added], table.Rows.Select(r => r.Reading));
        var (kept, retired, renumbered, added) = (table.Rows[0], table.Rows[1], table.Rows[2], table.Rows[3]);
        Assert.Equal(("1.", "1."), (Old(kept, TableColumn.Number), New(kept, TableColumn.Number)));
        Assert.Equal(("2.", "Retirée"), (Old(retired, TableColumn.Number), Old(retired, TableColumn.Activity)));
        Assert.Null(retired.New);
        Assert.Null(retired.NewLevel);
        Assert.Equal(("13.", "12."), (Old(renumbered, TableColumn.Number), New(renumbered, TableColumn.Number)));
        Assert.Null(added.Old);
        Assert.Equal(("3.", "Nouvelle", ExecutionLevel.Blue), (New(added, TableColumn.Number), New(added, TableColumn.Activity), added.NewLevel));
        Assert.All(table.Rows, r => Assert.Null(r.Doubt));
        Assert.Equal(Domain.Common.Language.Fr, table.Language);
    }

    [Fact]
    public void A_number_whose_changes_read_the_other_way_round_would_fit_its_neighbours_is_a_doubt_in_both_languages()
    {
        // Old 1, (new 2 inserted), then a row marked 3 → 2: by its neighbours it reads 2 → 3, the changes say 3 → 2.
        var table = Read(Table(
            Activity("1.", "Première"),
            InsertedRow(CellOf(P(Ins("2."))), CellOf(P(Ins("Nouvelle"))), Cell(""), Cell(""), Level(null)),
            Row(CellOf(P(Del("3"), Ins("2"), R("."))), Cell("Deuxième"), Cell("2025"), Cell("En cours"), Level("00B050"))));

        var doubtful = table.Rows[2];
        Assert.Equal(RowReading.Renumbered, doubtful.Reading);
        Assert.NotNull(doubtful.Doubt);
        Assert.Contains("3 → 2", doubtful.Doubt!.Fr, StringComparison.Ordinal);
        Assert.Contains("2 → 3", doubtful.Doubt.En, StringComparison.Ordinal);
        Assert.Null(table.Rows[0].Doubt);
    }

    [Fact]
    public void Digits_deleted_and_inserted_again_unchanged_keep_the_row_with_a_doubt()
    {
        var row = Only(Read(Table(Row(CellOf(P(Del("4"), Ins("4"), R("."))), Cell("Quatrième"), Cell(""), Cell(""), Level(null)))));

        Assert.Equal(RowReading.Kept, row.Reading);
        Assert.Contains("4", row.Doubt!.En, StringComparison.Ordinal);
        Assert.NotEqual(row.Doubt.Fr, row.Doubt.En);
    }

    [Fact]
    public void A_row_whose_number_is_a_number_in_one_version_only_reads_as_in_that_version_only_with_a_doubt()
    {
        var table = Read(Table(
            Row(CellOf(P(Del("Voir plus bas"), Ins("1."))), Cell("Devenue activité"), Cell(""), Cell(""), Level(null)),
            Row(CellOf(P(Del("2."), Ins("Supprimée"))), Cell("Plus une activité"), Cell(""), Cell(""), Level(null))));

        Assert.Equal([RowReading.Added, RowReading.Retired], table.Rows.Select(r => r.Reading));
        Assert.Equal(("1.", null), (New(table.Rows[0], TableColumn.Number), table.Rows[0].Old?.Cell(TableColumn.Number)));
        Assert.Equal(("2.", null), (Old(table.Rows[1], TableColumn.Number), table.Rows[1].New?.Cell(TableColumn.Number)));
        Assert.All(table.Rows, r => Assert.Contains("only one of the two versions", r.Doubt!.En, StringComparison.Ordinal));
    }

    [Fact]
    public void Deleted_and_inserted_runs_give_each_version_its_text()
    {
        var row = Only(Read(Table(Row(Cell("1."),
            CellOf(P(R("Élaborer "), Del("un guide"), Ins("une note"), R(" sur "), Del("l’IA"))),
            Cell("2025"), CellOf(P(Del("Retardé"), Ins("Achevé"))), Level("00B050")))));

        Assert.Equal("Élaborer un guide sur l’IA", Old(row, TableColumn.Activity));
        Assert.Equal("Élaborer une note sur", New(row, TableColumn.Activity));
        Assert.Equal(("Retardé", "Achevé"), (Old(row, TableColumn.Status), New(row, TableColumn.Status)));
    }

    [Fact]
    public void An_inserted_paragraph_mark_joins_the_paragraphs_in_the_old_version_and_a_deleted_one_in_the_new()
    {
        var row = Only(Read(Table(Row(Cell("1."),
            CellOf(PInsertedMark(R("alpha ")), P(R("beta"))),
            Cell("2025"),
            CellOf(PDeletedMark(R("gamma ")), P(R("delta"))),
            Level(null)))));

        Assert.Equal(("alpha beta", "alpha\nbeta"), (Old(row, TableColumn.Activity), New(row, TableColumn.Activity)));
        Assert.Equal(("gamma\ndelta", "gamma delta"), (Old(row, TableColumn.Status), New(row, TableColumn.Status)));
    }

    [Fact]
    public void Moved_text_is_where_it_came_from_in_the_old_version_and_where_it_went_in_the_new()
    {
        const string stamp = "w:author=\"Reviewer\" w:date=\"2024-03-01T10:00:00Z\"";
        var moved = CellOf(
            P(R("Début"), $"<w:moveFromRangeStart w:id=\"1\" w:name=\"move1\" {stamp}/><w:moveFrom w:id=\"2\" {stamp}>{R(" déplacé")}</w:moveFrom><w:moveFromRangeEnd w:id=\"1\"/>"),
            P(R("Fin"), $"<w:moveToRangeStart w:id=\"3\" w:name=\"move1\" {stamp}/><w:moveTo w:id=\"4\" {stamp}>{R(" déplacé")}</w:moveTo><w:moveToRangeEnd w:id=\"3\"/>"));
        var row = Only(Read(Table(Row(Cell("1."), moved, Cell(""), Cell(""), Level(null)))));

        Assert.Equal("Début déplacé\nFin", Old(row, TableColumn.Activity));
        Assert.Equal("Début\nFin déplacé", New(row, TableColumn.Activity));
    }

    [Fact]
    public void Formatting_only_changes_leave_the_text_and_the_reading_alone()
    {
        const string stamp = "w:id=\"9\" w:author=\"Reviewer\" w:date=\"2024-03-01T10:00:00Z\"";
        var table = $"<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblPrChange {stamp}><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr></w:tblPrChange></w:tblPr>"
            + Header()
            + $"<w:tr><w:trPr><w:cantSplit/><w:trPrChange {stamp}><w:trPr/></w:trPrChange></w:trPr>"
            + $"<w:tc><w:tcPr><w:tcW w:w=\"900\" w:type=\"dxa\"/><w:tcPrChange {stamp}><w:tcPr><w:tcW w:w=\"800\" w:type=\"dxa\"/></w:tcPr></w:tcPrChange></w:tcPr>"
            + $"<w:p><w:pPr><w:jc w:val=\"center\"/><w:pPrChange {stamp}><w:pPr><w:jc w:val=\"left\"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>1.</w:t></w:r></w:p></w:tc>"
            + $"<w:tc><w:p><w:r><w:rPr><w:b/><w:rPrChange {stamp}><w:rPr/></w:rPrChange></w:rPr><w:t>Gras maintenant</w:t></w:r></w:p></w:tc>"
            + Cell("") + Cell("") + Level("0070C0", before: "0070C0") + "</w:tr></w:tbl>";

        var row = Only(Read(table));

        Assert.Equal((RowReading.Kept, "1.", "1."), (row.Reading, Old(row, TableColumn.Number), New(row, TableColumn.Number)));
        Assert.Equal(("Gras maintenant", "Gras maintenant"), (Old(row, TableColumn.Activity), New(row, TableColumn.Activity)));
        Assert.Equal((ExecutionLevel.Blue, ExecutionLevel.Blue), (row.OldLevel, row.NewLevel));
        Assert.Null(row.Doubt);
    }

    [Fact]
    public void Content_controls_fields_smart_tags_comments_bookmarks_proofing_marks_and_alternate_content_give_their_text_only()
    {
        var sdtInline = $"<w:sdt><w:sdtPr><w:alias w:val=\"Titre\"/><w:id w:val=\"1\"/></w:sdtPr><w:sdtContent>{R("contrôlé")}{Ins(" ajouté")}</w:sdtContent></w:sdt>";
        var simpleField = $"<w:fldSimple w:instr=\" DATE \\@ &quot;yyyy&quot; \">{R("2024")}</w:fldSimple>";
        var complexField = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> REF _Ref1 \\h </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + R("résultat") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        var smartTag = $"<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"place\">{R("Bruxelles")}</w:smartTag>";
        var comment = "<w:commentRangeStart w:id=\"7\"/>" + R("commenté") + "<w:commentRangeEnd w:id=\"7\"/><w:r><w:commentReference w:id=\"7\"/></w:r>";
        var marks = "<w:bookmarkStart w:id=\"8\" w:name=\"_Ref1\"/><w:proofErr w:type=\"spellStart\"/>" + R("Douanne") + "<w:proofErr w:type=\"spellEnd\"/><w:bookmarkEnd w:id=\"8\"/>";
        var footnote = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r>";
        var alternate = "<mc:AlternateContent><mc:Choice Requires=\"wps\">" + R(" choix") + "</mc:Choice><mc:Fallback>" + R(" repli") + "</mc:Fallback></mc:AlternateContent>";
        var rsids = "<w:r w:rsidR=\"00A1B2C3\" w:rsidRPr=\"00D4E5F6\"><w:t>spl</w:t></w:r><w:r w:rsidR=\"00A1B2C4\"><w:t>it</w:t></w:r>";
        var nested = $"<w:tbl><w:tblPr/><w:tr><w:tc>{P(R("imbriqué"))}</w:tc><w:tc>{P(R("tableau"))}</w:tc></w:tr>"
            + $"<w:tr><w:trPr><w:ins w:id=\"50\" w:author=\"R\" w:date=\"2024-03-01T10:00:00Z\"/></w:trPr><w:tc>{P(Ins("ligne neuve"))}</w:tc></w:tr></w:tbl>";
        var blockSdt = $"<w:sdt><w:sdtPr><w:id w:val=\"2\"/></w:sdtPr><w:sdtContent>{P(R("bloc"))}</w:sdtContent></w:sdt>";

        var row = Only(Read(Table(Row(
            Cell("1."),
            CellOf(P(sdtInline, R(" "), simpleField, R(" "), complexField, R(" "), smartTag), P(comment, R(" "), marks, footnote, alternate), P(rsids), nested, blockSdt),
            Cell(""), Cell(""), Level(null)))));

        Assert.Equal("contrôlé 2024 résultat Bruxelles\ncommenté Douanne choix\nsplit\nimbriqué\ntableau\nbloc", Old(row, TableColumn.Activity));
        Assert.Equal("contrôlé ajouté 2024 résultat Bruxelles\ncommenté Douanne choix\nsplit\nimbriqué\ntableau\nligne neuve\nbloc", New(row, TableColumn.Activity));
        Assert.Equal(RowReading.Kept, row.Reading);
    }

    [Fact]
    public void Rows_and_cells_inside_content_controls_are_read()
    {
        var table = Read(Table(
            $"<w:sdt><w:sdtPr><w:id w:val=\"3\"/></w:sdtPr><w:sdtContent>{Activity("1.", "Dans un contrôle")}</w:sdtContent></w:sdt>",
            Row($"<w:sdt><w:sdtPr><w:id w:val=\"4\"/></w:sdtPr><w:sdtContent>{Cell("2.")}</w:sdtContent></w:sdt>", Cell("Cellule contrôlée"), Cell(""), Cell(""), Level(null))));

        Assert.Equal(["Dans un contrôle", "Cellule contrôlée"], table.Rows.Select(r => New(r, TableColumn.Activity)));
    }

    [Theory]
    [InlineData("00B050", ExecutionLevel.Green)]
    [InlineData("92D050", ExecutionLevel.Green)]
    [InlineData("00FF00", ExecutionLevel.Green)]
    [InlineData("0070C0", ExecutionLevel.Blue)]
    [InlineData("00B0F0", ExecutionLevel.Blue)]
    [InlineData("002060", ExecutionLevel.Blue)]
    [InlineData("FF0000", ExecutionLevel.Red)]
    [InlineData("C00000", ExecutionLevel.Red)]
    public void The_level_is_read_from_the_fill_and_near_colours_count(string fill, ExecutionLevel level)
    {
        var row = Only(Read(Table(Activity("1.", "Une", fill))));

        Assert.Equal((level, level), (row.OldLevel, row.NewLevel));
        Assert.Null(row.Doubt);
    }

    [Fact]
    public void The_old_level_comes_from_the_tracked_cell_property_change_and_a_solid_pattern_counts_its_colour()
    {
        var table = Read(Table(
            Row(Cell("1."), Cell("Une"), Cell(""), Cell(""), Level("FF0000", before: "00B050")),
            Row(Cell("2."), Cell("Deux"), Cell(""), Cell(""), Level("0070C0", pattern: "solid")),
            Row(Cell("3."), Cell("Trois"), Cell(""), Cell(""), Level(null)),
            Row(Cell("4."), Cell("Quatre"), Cell(""), Cell(""), Level("FFFFFF"))));

        Assert.Equal((ExecutionLevel.Green, ExecutionLevel.Red), (table.Rows[0].OldLevel, table.Rows[0].NewLevel));
        Assert.Equal(ExecutionLevel.Blue, table.Rows[1].NewLevel);
        Assert.All(table.Rows.Skip(2), r => Assert.True(r.OldLevel is null && r.NewLevel is null));
        Assert.All(table.Rows, r => Assert.Null(r.Doubt));
    }

    [Theory]
    [InlineData("FFC000")]
    [InlineData("7030A0")]
    [InlineData("D9D9D9")]
    [InlineData("zzzzzz")]
    public void An_unknown_fill_gives_no_level_and_a_doubt_naming_it(string fill)
    {
        var row = Only(Read(Table(Activity("1.", "Une", fill))));

        Assert.Null(row.NewLevel);
        Assert.Contains(fill.ToUpperInvariant(), row.Doubt!.Fr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Execution level", row.Doubt.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_follow_each_versions_headings_and_a_split_table_continues_with_the_last_header()
    {
        var table = Read(
            Heading("I. Activités entreprises dans un délai spécifique"),
            Table(Activity("1.", "Une"), Activity("2.", "Deux")),
            Bare(Activity("3.", "Trois")),
            P(Ins("II. Activités permanentes")),
            Bare(Activity("1.", "Permanente")));

        Assert.Equal(["Une", "Deux", "Trois", "Permanente"], table.Rows.Select(r => New(r, TableColumn.Activity)));
        Assert.Equal([Section.TimeBound, Section.TimeBound, Section.TimeBound, Section.Permanent], table.Rows.Select(r => r.Section));
        // The heading exists in the new version only: in the old one, the last table is still section I.
        Assert.Equal(Section.TimeBound, table.Rows[3].Old!.Section);
        Assert.Equal(Section.Permanent, table.Rows[3].New!.Section);
    }

    [Fact]
    public void The_new_version_reads_as_the_accepted_reading_of_word_table_reader()
    {
        var file = Document(
            Heading("I. Activités entreprises dans un délai spécifique"),
            Table(
                Activity("1.", "Première"),
                DeletedRow(CellOf(P(Del("2."))), CellOf(P(Del("Retirée"))), Cell(""), Cell(""), Level(null)),
                Row(CellOf(P(Del("3"), Ins("2"), R("."))), CellOf(P(R("Texte "), Del("ancien"), Ins("nouveau"))), Cell("2025"), Cell("En cours"), Level("00B050"))));

        var accepted = WordTableReader.Read(file);
        var tracked = TrackedTableReader.Read(file);

        Assert.Equal(accepted.Rows.Select(r => r.Cells.OrderBy(c => c.Key).ToList()),
            tracked.Rows.Where(r => r.New is not null).Select(r => r.New!.Cells.OrderBy(c => c.Key).ToList()));
        Assert.Equal(accepted.Columns.Order(), tracked.Columns.Order());
    }

    [Fact]
    public void A_document_without_a_programme_table_is_a_problem_in_words()
    {
        var table = TrackedTableReader.Read(Document(Heading("Ordre du jour"), Bare(Row(Cell("Point"), Cell("Document")))));

        var problem = Assert.Single(table.Problems);
        Assert.Contains("en-têtes", problem.Message.Fr, StringComparison.Ordinal);
        Assert.Contains("headers", problem.Message.En, StringComparison.Ordinal);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_refused_by_the_package_guard()
    {
        var table = TrackedTableReader.Read("not a zip at all"u8.ToArray());

        Assert.Single(table.Problems);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Damaged_or_hostile_xml_is_a_problem_never_an_exception()
    {
        var deep = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", 400)) + Table(Activity("1.", "Profond")) + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", 400));
        var cases = new[]
        {
            Replace(Document(Table(Activity("1.", "Une"))), "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl>"),
            Replace(Document(Table(Activity("1.", "Une"))), "word/document.xml", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]><x>&a;</x>"),
            Document(deep),
        };

        foreach (var file in cases)
        {
            var table = TrackedTableReader.Read(file);
            Assert.NotEmpty(table.Problems);
        }
    }

    private static byte[] Replace(byte[] docx, string entry, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entry)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(content);
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData("  l’économie\u00A0 «circulaire»\n\tdes douanes ", "l'économie \"circulaire\" des douanes")]
    [InlineData("Plan\u00ADstratégique", "Planstratégique")]
    [InlineData("", "")]
    public void Comparable_folds_white_space_and_typographic_quotes_only(string text, string folded)
    {
        Assert.Equal(folded, TrackedTableReader.Comparable(text));
    }
}
