using System.Text;
using System.Xml.Linq;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Tests.Translation;

public sealed class XliffFacts
{
    private static readonly Guid Referenced = Guid.Parse("3bddbdcb-a905-5328-8ee7-881e3f1beb69");

    private static readonly string SourceWithReference = $"Voir l’activité {ActivityReferences.Token(Referenced)} ci-dessous";

    private static XliffFile File(params XliffUnit[] units) =>
        new("ptc/2024-04", Language.Fr, Language.En, units) { Labels = new Dictionary<Guid, string> { [Referenced] = "24" } };

    private static string Written(params XliffUnit[] units)
    {
        using var stream = new MemoryStream();
        Xliff.Write(stream, [File(units)]);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static XliffRead Read(string xml) => Xliff.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    /// <summary>The written file with the target a translator's tool would put in the first unit.</summary>
    private static string WithTarget(string xml, string targetInnerXml)
    {
        var document = XDocument.Parse(xml);
        var unit = document.Descendants(Xliff.Ns + "trans-unit").First();
        unit.Element(Xliff.Ns + "target")?.Remove();
        var target = XElement.Parse($"<target xmlns=\"{Xliff.Ns}\" xmlns:wp=\"{Xliff.Wp}\" state=\"translated\">{targetInnerXml}</target>");
        unit.Element(Xliff.Ns + "source")!.AddAfterSelf(target);
        return document.ToString();
    }

    [Fact]
    public void A_unit_is_written_as_XLIFF_1_2_with_its_notes_state_and_a_reference_as_a_placeholder()
    {
        var xml = Written(new XliffUnit("activity/x/title", SourceWithReference, "See activity", UnitState.NeedsReviewTranslation, ["II.22 — Activités / Activities"]));

        var document = XDocument.Parse(xml);
        var file = Assert.Single(document.Root!.Elements(Xliff.Ns + "file"));
        Assert.Equal(("1.2", "fr", "en"), ((string)document.Root.Attribute("version")!, (string)file.Attribute("source-language")!, (string)file.Attribute("target-language")!));
        var unit = Assert.Single(file.Descendants(Xliff.Ns + "trans-unit"));
        var placeholder = Assert.Single(unit.Element(Xliff.Ns + "source")!.Elements(Xliff.Ns + "x"));
        Assert.Equal(("1", "24", Referenced.ToString()), ((string)placeholder.Attribute("id")!, (string)placeholder.Attribute("equiv-text")!,
            (string)placeholder.Attribute(Xliff.Wp + "activity")!));
        Assert.Equal("needs-review-translation", (string)unit.Element(Xliff.Ns + "target")!.Attribute("state")!);
        Assert.Equal("II.22 — Activités / Activities", (string)unit.Element(Xliff.Ns + "note")!);
    }

    [Fact]
    public void A_missing_translation_has_no_target_element()
    {
        var xml = Written(new XliffUnit("u", "Texte", null, UnitState.NeedsTranslation, []));

        Assert.DoesNotContain("<target", xml, StringComparison.Ordinal);
        Assert.Null(Assert.Single(Assert.Single(Read(xml).Files).Units).Target);
    }

    [Fact]
    public void A_target_that_keeps_the_placeholder_reads_back_with_the_reference_token()
    {
        var xml = WithTarget(Written(new XliffUnit("u", SourceWithReference, null, UnitState.NeedsTranslation, [])),
            "See activity <x id=\"1\"/> below");

        var unit = Assert.Single(Assert.Single(Read(xml).Files).Units);

        Assert.Null(unit.Problem);
        Assert.Equal(SourceWithReference, unit.Source);
        Assert.Equal($"See activity {ActivityReferences.Token(Referenced)} below", unit.Target);
    }

    [Theory]
    [InlineData("See activity below")]
    [InlineData("See activities <x id=\"1\"/> and <x id=\"1\"/>")]
    [InlineData("See activity <x id=\"2\"/> below")]
    [InlineData("See activity <bpt id=\"1\">&lt;b&gt;</bpt>24 below")]
    public void A_target_whose_placeholders_did_not_come_back_intact_is_refused_in_words(string target)
    {
        var xml = WithTarget(Written(new XliffUnit("u", SourceWithReference, null, UnitState.NeedsTranslation, [])), target);

        var unit = Assert.Single(Assert.Single(Read(xml).Files).Units);

        Assert.Null(unit.Target);
        Assert.Contains("did not come back intact", unit.Problem!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_typed_in_a_target_stays_text()
    {
        var xml = WithTarget(Written(new XliffUnit("u", "Texte", null, UnitState.NeedsTranslation, [])), "&lt;script&gt;alert(1)&lt;/script&gt; &amp; <g id=\"1\">bold</g>");

        var unit = Assert.Single(Assert.Single(Read(xml).Files).Units);

        Assert.Equal("<script>alert(1)</script> & bold", unit.Target);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">&lol2;</xliff>", "DTD")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">&xxe;</xliff>", "DTD")]
    [InlineData("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file", "not valid XML")]
    [InlineData("<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"/>", "not an XLIFF 1.2 file")]
    [InlineData("<html/>", "not an XLIFF 1.2 file")]
    public void A_hostile_or_foreign_file_is_refused_before_anything_is_read(string xml, string expected)
    {
        var read = Read(xml);

        Assert.Empty(read.Files);
        Assert.Contains(expected, read.Problem!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_by_its_size()
    {
        var read = Xliff.Read(new MemoryStream(new byte[Xliff.MaxFileBytes + 1]));

        Assert.Contains("larger than 10 MB", read.Problem!.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Memory_matches_are_written_as_alt_trans_with_their_score_after_the_notes()
    {
        var xml = Written(new XliffUnit("u", "Printemps 2025", null, UnitState.NeedsTranslation, ["I.1"])
        {
            Matches = [new XliffMatch("Printemps 2024", "Spring 2024", 87)],
        });

        var unit = XDocument.Parse(xml).Descendants(Xliff.Ns + "trans-unit").Single();
        var alt = Assert.Single(unit.Elements(Xliff.Ns + "alt-trans"));
        Assert.Equal("87", (string)alt.Attribute("match-quality")!);
        Assert.Equal("Spring 2024", (string)alt.Element(Xliff.Ns + "target")!);
        Assert.Equal(Xliff.Ns + "note", alt.ElementsBeforeSelf().Last().Name);
    }
}

public sealed class MemoryMatcherFacts
{
    private static readonly MemoryPair Spring = new("Le projet sera présenté au CTP au printemps 2024 pour approbation.", "The draft will be presented to the PTC in spring 2024 for approval.");

    [Fact]
    public void The_same_text_is_an_exact_match_and_a_changed_date_a_near_one()
    {
        var matcher = new MemoryMatcher([Spring, new("Sans rapport aucun avec le reste.", "Unrelated.")], Language.Fr);

        Assert.Equal(100, Assert.Single(matcher.Matches(Spring.Fr)).Score);
        var near = Assert.Single(matcher.Matches("Le projet sera présenté au CTP au printemps 2025 pour approbation."));
        Assert.Equal((91, Spring.En), (near.Score, near.Target));
        Assert.Empty(matcher.Matches("Un tout autre texte."));
    }

    [Fact]
    public void The_memory_is_written_as_TMX_1_4b_with_references_as_placeholders()
    {
        var id = Guid.NewGuid();
        using var stream = new MemoryStream();
        Tmx.Write(stream, [new MemoryPair($"Voir {ActivityReferences.Token(id)}", $"See {ActivityReferences.Token(id)}")]);

        var document = XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("1.4", (string)document.Root!.Attribute("version")!);
        var variants = document.Descendants("tuv").ToList();
        Assert.Equal(["fr", "en"], variants.Select(v => (string)v.Attribute(XNamespace.Xml + "lang")!));
        Assert.Equal(ActivityReferences.Token(id), (string)variants[1].Descendants("ph").Single());
    }
}

public sealed class ImportedMatchFacts
{
    [Fact]
    public void At_the_same_score_the_records_pair_comes_before_an_imported_one_and_an_imported_match_names_its_file()
    {
        var matcher = new MemoryMatcher(
            [new MemoryPair("Rapport annuel", "Annual report"), new MemoryPair("Rapport annuel", "Yearly report") { Origin = "service.tmx" },
             new MemoryPair("Rapport annuel 2024", "Annual report 2024") { Origin = "service.tmx" }],
            Language.Fr);

        var matches = matcher.Matches("Rapport annuel");

        Assert.Equal([("Annual report", (string?)null), ("Yearly report", "service.tmx")], matches.Take(2).Select(m => (m.Target, m.Origin)));
        using var stream = new MemoryStream();
        Xliff.Write(stream, [new XliffFile("p/v", Language.Fr, Language.En,
            [new XliffUnit("u", "Rapport annuel", null, UnitState.NeedsTranslation, []) { Matches = matches }])]);
        var origins = XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).Descendants(Xliff.Ns + "alt-trans").Select(a => (string)a.Attribute("origin")!);
        Assert.Equal(["translation-memory", "service.tmx"], origins.Take(2));
    }
}
