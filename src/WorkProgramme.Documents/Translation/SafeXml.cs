using System.Xml;
using System.Xml.Linq;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Translation;

/// <summary>
/// How a translation file (XLIFF, TMX) from outside is read: refused before parsing when larger than
/// <see cref="MaxFileBytes"/>, no DTD, no resolver, no entity expansion (docs/decisions/0043); never throws for what a
/// file holds.
/// </summary>
public static class SafeXml
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static readonly BilingualText TooLarge = new(
        "Ce fichier dépasse 10 Mo : il est refusé.",
        "This file is larger than 10 MB: it is refused.");

    public static readonly BilingualText NotXml = new(
        "Ce fichier n’est pas un XML valide, ou il contient une DTD ou des entités : il est refusé.",
        "This file is not valid XML, or it holds a DTD or entities: it is refused.");

    /// <summary>
    /// The document, or the reason it is refused (<see cref="TooLarge"/>, <see cref="NotXml"/>). With
    /// <paramref name="ignoreDoctype"/> a document type declaration is skipped unread, never resolved: TMX files commonly
    /// name <c>tmx14.dtd</c>; an entity it would declare stays undeclared, so a file that uses one is still refused.
    /// </summary>
    public static (XDocument? Document, BilingualText? Problem) Load(Stream stream, bool ignoreDoctype = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length > MaxFileBytes)
        {
            return (null, TooLarge);
        }

        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = ignoreDoctype ? DtdProcessing.Ignore : DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxFileBytes,
                MaxCharactersFromEntities = 0,
                IgnoreProcessingInstructions = true,
                CloseInput = false,
            };
            using var reader = XmlReader.Create(stream, settings);
            return (XDocument.Load(reader, LoadOptions.PreserveWhitespace), null);
        }
        catch (XmlException)
        {
            return (null, NotXml);
        }
    }

    /// <summary>"fr", "fr-FR", "FR-fr", "fr_CA": the language a tag names, whatever its region and case.</summary>
    public static bool TryLanguage(string? tag, out Language language) =>
        Languages.TryParse(tag?.Split('-', '_')[0], out language);
}
