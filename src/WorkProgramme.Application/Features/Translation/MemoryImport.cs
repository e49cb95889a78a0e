using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// One TMX from the translation service taken into the memory: the file's name, who and when, and the pairs it added
/// that the record did not hold (docs/decisions/0047). Audited as it is created; never changed after.
/// </summary>
public sealed class TranslationMemoryImport
{
    public const int OriginMaxLength = 260;

    private readonly List<TranslationMemoryUnit> units = [];

    private TranslationMemoryImport()
    {
        Origin = ImportedBy = null!;
    }

    public TranslationMemoryImport(string origin, string importedBy, DateTimeOffset importedAt)
    {
        Origin = origin.Length > OriginMaxLength ? origin[..OriginMaxLength] : origin;
        ImportedBy = importedBy;
        ImportedAt = importedAt;
    }

    public int Id { get; private set; }

    /// <summary>The file's name as uploaded ("ptc-2024.tmx"): shown as the origin of its pairs.</summary>
    public string Origin { get; private set; }

    public string ImportedBy { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>How many pairs the import added.</summary>
    public int Added { get; private set; }

    public IReadOnlyList<TranslationMemoryUnit> Units => units;

    public void Add(string fr, string en, Language source)
    {
        units.Add(new TranslationMemoryUnit(fr, en, source));
        Added = units.Count;
    }
}

/// <summary>An imported FR/EN pair: both texts normalised, the language the file gave as source, and a key that makes it unique.</summary>
public sealed class TranslationMemoryUnit
{
    private TranslationMemoryUnit()
    {
        Fr = En = PairKey = null!;
    }

    internal TranslationMemoryUnit(string fr, string en, Language source)
    {
        Fr = fr;
        En = en;
        SourceLanguage = source;
        PairKey = KeyOf(fr, en);
    }

    public long Id { get; private set; }

    public int ImportId { get; private set; }

    public string Fr { get; private set; }

    public string En { get; private set; }

    public Language SourceLanguage { get; private set; }

    /// <summary>SHA-256 of both texts: unique, where an index on the texts themselves would exceed PostgreSQL's row limit.</summary>
    public string PairKey { get; private set; }

    public static string KeyOf(string fr, string en) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fr + "\u0000" + en)));
}
