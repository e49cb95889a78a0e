using System.Text;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Tests.Translation;

/// <summary>A TMX from the translation service as <see cref="Tmx.Read"/> takes it: pairs, skipped units with reasons, hostile files refused.</summary>
public sealed class TmxReadFacts
{
    private static readonly Guid Referenced = Guid.Parse("3bddbdcb-a905-5328-8ee7-881e3f1beb69");

    private static TmxRead Read(string xml) => Tmx.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    private static string Memory(string units, string srclang = "fr-FR") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><tmx version=\"1.4\"><header creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"{srclang}\" datatype=\"plaintext\"/><body>{units}</body></tmx>";

    private static string Unit(string fr, string en, string frLang = "fr", string enLang = "en") =>
        $"<tu><tuv xml:lang=\"{frLang}\"><seg>{fr}</seg></tuv><tuv xml:lang=\"{enLang}\"><seg>{en}</seg></tuv></tu>";

    [Theory]
    [InlineData("fr", "en")]
    [InlineData("fr-FR", "en-GB")]
    [InlineData("FR-fr", "EN-us")]
    [InlineData("fr_CA", "en-US")]
    public void Languages_are_matched_whatever_their_region_and_case(string fr, string en)
    {
        var unit = Assert.Single(Read(Memory(Unit("Rapport annuel", "Annual report", fr, en))).Units);

        Assert.Null(unit.Skipped);
        Assert.Equal(("Rapport annuel", "Annual report", Language.Fr), (unit.Fr, unit.En, unit.Source));
    }

    [Fact]
    public void A_memory_whose_source_is_English_gives_the_same_pairs_with_English_as_their_source()
    {
        var unit = Assert.Single(Read(Memory("<tu srclang=\"en-GB\"><tuv xml:lang=\"en-GB\"><seg>Annual report</seg></tuv><tuv lang=\"fr\"><seg>Rapport annuel</seg></tuv></tu>")).Units);

        Assert.Equal(("Rapport annuel", "Annual report", Language.En), (unit.Fr, unit.En, unit.Source));
    }

    [Fact]
    public void A_unit_without_both_languages_is_skipped_and_says_which_is_missing()
    {
        var units = Read(Memory(
            "<tu><tuv xml:lang=\"fr\"><seg>Seul</seg></tuv></tu>" +
            "<tu><tuv xml:lang=\"fr\"><seg>Texte</seg></tuv><tuv xml:lang=\"de\"><seg>Text</seg></tuv></tu>" +
            "<tu><tuv xml:lang=\"en\"><seg>Alone</seg></tuv></tu>" +
            Unit("  ", "Blank"))).Units;

        Assert.Equal([1, 2, 3, 4], units.Select(u => u.Number));
        Assert.Equal(["no English text", "no English text", "no French text", "no French text"], units.Select(u => u.Skipped!.En));
    }

    [Fact]
    public void Formatting_codes_are_dropped_and_their_words_kept_and_our_reference_comes_back_as_its_token()
    {
        var token = ActivityReferences.Token(Referenced);
        var unit = Assert.Single(Read(Memory(Unit(
            $"Voir <bpt i=\"1\">&lt;b&gt;</bpt>l’activité<ept i=\"1\">&lt;/b&gt;</ept> <ph type=\"x-activity-reference\">{token}</ph><ph>&lt;br/&gt;</ph> <hi type=\"x-bold\">ci-dessous</hi><it pos=\"begin\">&lt;i&gt;</it>",
            $"See <ph x=\"1\" type=\"x-activity-reference\">{token}</ph> <hi>below</hi>"))).Units);

        Assert.Null(unit.Skipped);
        Assert.Equal($"Voir l’activité {token} ci-dessous", unit.Fr);
        Assert.Equal($"See {token} below", unit.En);
    }

    [Theory]
    [InlineData("<ph type=\"x-activity-reference\">[[activity:nope]]</ph>", "is broken")]
    [InlineData("", "differ between French and English")]
    public void A_reference_broken_or_missing_on_one_side_skips_the_unit(string enReference, string reason)
    {
        var token = ActivityReferences.Token(Referenced);
        var unit = Assert.Single(Read(Memory(Unit($"Voir <ph type=\"x-activity-reference\">{token}</ph>", $"See {enReference}"))).Units);

        Assert.Contains(reason, unit.Skipped!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Texts_are_normalised_and_a_control_character_or_an_overlong_text_skips_the_unit()
    {
        var units = Read(Memory(
            Unit("  Cafe\u0301 \r\n noir ", "Black coffee") +
            Unit("Texte&#x202E;caché", "Hidden text") +
            Unit(new string('a', Tmx.MemoryText.MaxLength + 1), "Long"))).Units;

        Assert.Equal("Café \n noir", units[0].Fr);
        Assert.Contains("reverses the reading direction", units[1].Skipped!.En, StringComparison.Ordinal);
        Assert.Contains($"longer than {Tmx.MemoryText.MaxLength} characters", units[2].Skipped!.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><tmx version=\"1.4\"><body><tu><tuv xml:lang=\"fr\"><seg>&xxe;</seg></tuv></tu></body></tmx>", "holds a DTD or entities")]
    [InlineData("<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><tmx><body>&b;</body></tmx>", "holds a DTD or entities")]
    [InlineData("{\"tmx\": 1}", "not valid XML")]
    [InlineData("<xliff version=\"1.2\"/>", "not a TMX translation memory")]
    public void A_hostile_or_foreign_file_is_refused_in_words(string xml, string expected)
    {
        var read = Read(xml);

        Assert.Empty(read.Units);
        Assert.Contains(expected, read.Problem!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_type_naming_the_TMX_DTD_as_translate_toolkit_writes_it_is_skipped_unread()
    {
        var read = Read(Memory(Unit("Oui", "Yes")).Replace("?><tmx", "?>\n<!DOCTYPE tmx SYSTEM \"http://127.0.0.1:1/tmx14.dtd\">\n<tmx", StringComparison.Ordinal));

        Assert.Null(read.Problem);
        Assert.Equal("Yes", Assert.Single(read.Units).En);
    }

    [Fact]
    public void A_file_larger_than_10_MB_is_refused_before_it_is_parsed()
    {
        var read = Tmx.Read(new MemoryStream(new byte[SafeXml.MaxFileBytes + 1]));

        Assert.Contains("larger than 10 MB", read.Problem!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void An_imported_pair_is_written_back_with_its_origin_and_reads_back_the_same()
    {
        var token = ActivityReferences.Token(Referenced);
        using var stream = new MemoryStream();
        Tmx.Write(stream, [new MemoryPair($"Voir {token}", $"See {token}") { Origin = "service-2026.tmx" }, new MemoryPair("Oui", "Yes")]);

        var xml = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains($"<prop type=\"{Tmx.OriginProperty}\">service-2026.tmx</prop>", xml, StringComparison.Ordinal);
        var units = Tmx.Read(new MemoryStream(stream.ToArray())).Units;
        Assert.Equal([($"Voir {token}", $"See {token}"), ("Oui", "Yes")], units.Select(u => (u.Fr!, u.En!)));
    }
}
