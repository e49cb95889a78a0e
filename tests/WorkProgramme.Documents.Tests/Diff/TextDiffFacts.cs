using WorkProgramme.Documents.Diff;

namespace WorkProgramme.Documents.Tests.Diff;

public sealed class TextDiffFacts
{
    private static string Rebuild(IEnumerable<TextChange> changes, ChangeKind side) =>
        string.Concat(changes.Where(c => c.Kind == ChangeKind.Unchanged || c.Kind == side).Select(c => c.Text));

    [Fact]
    public void Identical_texts_give_one_unchanged_piece()
    {
        var changes = TextDiff.Compute("Le rapport sera présenté au CTP.", "Le rapport sera présenté au CTP.");

        Assert.Equal([new TextChange(ChangeKind.Unchanged, "Le rapport sera présenté au CTP.")], changes);
        Assert.False(changes.HasChanges());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void Two_empty_texts_give_nothing_at_all(string? oldText, string? newText)
    {
        var changes = TextDiff.Compute(oldText, newText);

        Assert.Empty(changes);
        Assert.False(changes.HasChanges());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_text_written_where_there_was_none_is_one_insertion(string? oldText)
    {
        var changes = TextDiff.Compute(oldText, "Reporté à la 242ème session.");

        Assert.Equal([new TextChange(ChangeKind.Inserted, "Reporté à la 242ème session.")], changes);
        Assert.True(changes.HasChanges());
    }

    [Fact]
    public void A_text_cleared_is_one_deletion()
    {
        var changes = TextDiff.Compute("Reporté à la 242ème session.", null);

        Assert.Equal([new TextChange(ChangeKind.Deleted, "Reporté à la 242ème session.")], changes);
    }

    [Fact]
    public void A_word_replaced_in_a_french_sentence_is_deleted_then_inserted_between_unchanged_text()
    {
        var changes = TextDiff.Compute("Le rapport sera présenté au CTP", "Le rapport a été présenté au CTP");

        Assert.Equal(
            [
                new TextChange(ChangeKind.Unchanged, "Le rapport "),
                new TextChange(ChangeKind.Deleted, "sera"),
                new TextChange(ChangeKind.Inserted, "a été"),
                new TextChange(ChangeKind.Unchanged, " présenté au CTP"),
            ],
            changes);
    }

    [Fact]
    public void Several_words_replaced_in_a_row_are_one_deletion_then_one_insertion_not_a_word_by_word_alternation()
    {
        var changes = TextDiff.Compute("Le rapport sera présenté au CTP", "Le compte rendu a été présenté au CTP");

        Assert.Equal(
            [
                new TextChange(ChangeKind.Unchanged, "Le "),
                new TextChange(ChangeKind.Deleted, "rapport sera"),
                new TextChange(ChangeKind.Inserted, "compte rendu a été"),
                new TextChange(ChangeKind.Unchanged, " présenté au CTP"),
            ],
            changes);
    }

    [Fact]
    public void A_changed_first_word_of_a_line_leaves_the_line_break_unchanged()
    {
        var changes = TextDiff.Compute("Examen en cours.\nVoir l’annexe II.", "Examen en cours.\nConsulter l’annexe II.");

        Assert.Equal(
            [
                new TextChange(ChangeKind.Unchanged, "Examen en cours.\n"),
                new TextChange(ChangeKind.Deleted, "Voir"),
                new TextChange(ChangeKind.Inserted, "Consulter"),
                new TextChange(ChangeKind.Unchanged, " l’annexe II."),
            ],
            changes);
    }

    [Fact]
    public void A_removed_blank_line_is_the_only_change_shown()
    {
        var changes = TextDiff.Compute("Mise à jour du règlement.\n\nÉchéance : 31/12/2025.", "Mise à jour du règlement.\nÉchéance : 31/12/2025.");

        Assert.Equal(
            [
                new TextChange(ChangeKind.Unchanged, "Mise à jour du règlement.\n"),
                new TextChange(ChangeKind.Deleted, "\n"),
                new TextChange(ChangeKind.Unchanged, "Échéance : 31/12/2025."),
            ],
            changes);
    }

    [Fact]
    public void Unchanged_text_between_two_insertions_stays_unchanged()
    {
        var changes = TextDiff.Compute("Réuni (mars, juin).", "Réuni (mars, juin, octobre).\nRapport adopté.");

        Assert.Equal(
            [
                new TextChange(ChangeKind.Unchanged, "Réuni (mars, juin"),
                new TextChange(ChangeKind.Inserted, ", octobre"),
                new TextChange(ChangeKind.Unchanged, ")"),
                new TextChange(ChangeKind.Inserted, ".\nRapport adopté"),
                new TextChange(ChangeKind.Unchanged, "."),
            ],
            changes);
    }

    [Theory]
    [InlineData(
        "Le rapport d’activité sera présenté à la 241ème session.",
        "Le rapport d’activité a été présenté à la 242ème session ; il a été approuvé.")]
    [InlineData(
        "En cours.\nLe groupe de travail s’est réuni deux fois (mars, juin).",
        "Terminé.\nLe groupe de travail s’est réuni trois fois (mars, juin, octobre).\nRapport final adopté.")]
    [InlineData(
        "Étude reportée : manque de ressources — voir 241ème / 242ème sessions.",
        "Étude relancée : ressources obtenues — voir 242ème / 243ème sessions.")]
    [InlineData(
        "Mise à jour du règlement intérieur.\r\n\r\nÉchéance : 31/12/2025.",
        "Mise à jour du règlement intérieur et des annexes.\r\nÉchéance : 30/06/2026.")]
    [InlineData(
        "  Deux  espaces ,  puis une tabulation\tet des « guillemets ».  ",
        "Deux espaces, puis une tabulation\t\tet des « guillemets » !")]
    [InlineData(
        "L’activité n’a pas commencé.",
        "")]
    [InlineData(
        "Présenté au CTP du 12 mars.",
        "Présenté au CTP du 12 mars.\nÀ reprendre l’an prochain.")]
    public void Old_and_new_texts_are_rebuilt_exactly_from_the_pieces(string oldText, string newText)
    {
        var changes = TextDiff.Compute(oldText, newText);

        Assert.Equal(oldText, Rebuild(changes, ChangeKind.Deleted));
        Assert.Equal(newText, Rebuild(changes, ChangeKind.Inserted));
        Assert.True(changes.HasChanges());
        Assert.DoesNotContain(changes, c => c.Text.Length == 0);
        Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.NotEqual(pair.First.Kind, pair.Second.Kind));
        Assert.All(changes.Zip(changes.Skip(1)),
            pair => Assert.False(pair is { First.Kind: ChangeKind.Inserted, Second.Kind: ChangeKind.Deleted }));
    }

    [Fact]
    public void Html_escapes_markup_and_ampersands_in_the_text_and_the_labels()
    {
        var html = TextDiffHtml.ToHtml(
            [
                new TextChange(ChangeKind.Unchanged, "R&D "),
                new TextChange(ChangeKind.Deleted, "<b>ancien</b>"),
                new TextChange(ChangeKind.Inserted, "<script>alert(1)</script>"),
            ],
            new DiffLabels("<i>", "&", "\"", "'"));

        Assert.Equal(
            "R&amp;D "
            + "<del><span class=\"visually-hidden\">[&quot;] </span>&lt;b&gt;ancien&lt;/b&gt;<span class=\"visually-hidden\"> [&#x27;]</span></del>"
            + "<ins><span class=\"visually-hidden\">[&lt;i&gt;] </span>&lt;script&gt;alert(1)&lt;/script&gt;<span class=\"visually-hidden\"> [&amp;]</span></ins>",
            html);
    }

    [Fact]
    public void Html_wraps_deletions_and_insertions_with_french_labels_for_screen_readers()
    {
        var html = TextDiffHtml.ToHtml(
            TextDiff.Compute("Le rapport sera présenté au CTP", "Le rapport a été présenté au CTP"), DiffLabels.French);

        Assert.Equal(
            "Le rapport "
            + "<del><span class=\"visually-hidden\">[début de suppression] </span>sera<span class=\"visually-hidden\"> [fin de suppression]</span></del>"
            + "<ins><span class=\"visually-hidden\">[début d’insertion] </span>a été<span class=\"visually-hidden\"> [fin d’insertion]</span></ins>"
            + " présenté au CTP",
            html);
    }

    [Fact]
    public void Html_uses_the_english_labels_when_asked()
    {
        var html = TextDiffHtml.ToHtml(
            [new TextChange(ChangeKind.Deleted, "old"), new TextChange(ChangeKind.Inserted, "new")], DiffLabels.English);

        Assert.Equal(
            "<del><span class=\"visually-hidden\">[deletion start] </span>old<span class=\"visually-hidden\"> [deletion end]</span></del>"
            + "<ins><span class=\"visually-hidden\">[insertion start] </span>new<span class=\"visually-hidden\"> [insertion end]</span></ins>",
            html);
    }

    [Fact]
    public void Html_turns_line_breaks_into_br_inside_and_outside_changes()
    {
        var html = TextDiffHtml.ToHtml(
            [
                new TextChange(ChangeKind.Unchanged, "Terminé.\n"),
                new TextChange(ChangeKind.Inserted, "Rapport adopté.\r\nClos."),
            ],
            DiffLabels.French);

        Assert.Equal(
            "Terminé.<br><ins><span class=\"visually-hidden\">[début d’insertion] </span>Rapport adopté.<br>Clos."
            + "<span class=\"visually-hidden\"> [fin d’insertion]</span></ins>",
            html);
        Assert.DoesNotContain("\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_keeps_accents_and_typographic_apostrophes_readable()
    {
        var html = TextDiffHtml.ToHtml([new TextChange(ChangeKind.Unchanged, "Élaboration de l’étude « 241ème »")], DiffLabels.French);

        Assert.Equal("Élaboration de l’étude « 241ème »", html);
    }
}
