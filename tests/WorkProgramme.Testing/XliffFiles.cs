using System.Text;
using System.Xml.Linq;
using WorkProgramme.Documents.Translation;

namespace WorkProgramme.Testing;

/// <summary>XLIFF files as the translation service sends them back, made from our own export.</summary>
public static class XliffFiles
{
    /// <summary>
    /// Every unit (or those <paramref name="which"/> picks by id) given a target: "EN " and a copy of its source,
    /// placeholders included, as a CAT tool writes it.
    /// </summary>
    public static byte[] Translated(byte[] exported, Func<string, bool>? which = null, string prefix = "EN ")
    {
        var document = XDocument.Parse(Encoding.UTF8.GetString(exported));
        foreach (var unit in document.Descendants(Xliff.Ns + "trans-unit"))
        {
            if (which is not null && !which((string)unit.Attribute("id")!))
            {
                continue;
            }

            unit.Element(Xliff.Ns + "target")?.Remove();
            var source = unit.Element(Xliff.Ns + "source")!;
            source.AddAfterSelf(new XElement(Xliff.Ns + "target", new XAttribute("state", "translated"), prefix,
                source.Nodes().Select(n => n is XElement e ? new XElement(e) : (object)new XText(((XText)n).Value))));
        }

        return Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
    }

    public static int Units(byte[] xliff) => XDocument.Parse(Encoding.UTF8.GetString(xliff)).Descendants(Xliff.Ns + "trans-unit").Count();
}
