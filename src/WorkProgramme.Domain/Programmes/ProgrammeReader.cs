namespace WorkProgramme.Domain.Programmes;

/// <summary>
/// Who reads a programme, as far as the domain needs to know: whether they may read a body's unpublished work (draft
/// versions, draft status reports, the activity's history). Roles and bodies stay with the application's viewer.
/// </summary>
public interface IProgrammeReader
{
    bool SeesDraftsOf(string bodyCode);
}

/// <summary>
/// What one reader may see of a programme (docs/decisions/0015): the published versions, and the drafts too for the
/// Secretariat and the committee's members. The single place that answers "which versions may this viewer see".
/// </summary>
public sealed class ProgrammeVisibility
{
    internal ProgrammeVisibility(Programme programme, bool seesDrafts)
    {
        SeesDrafts = seesDrafts;
        Versions = programme.Versions.Where(v => seesDrafts || v.State != VersionState.Draft).OrderByDescending(v => v.Sequence).ToList();
    }

    /// <summary>True when the reader may see the body's unpublished work: drafts, draft reports, history and decisions.</summary>
    public bool SeesDrafts { get; }

    /// <summary>The versions the reader may see, newest first.</summary>
    public IReadOnlyList<ProgrammeVersion> Versions { get; }

    /// <summary>The newest version the reader may see; null when none is published yet (and drafts are hidden).</summary>
    public ProgrammeVersion? Latest => Versions.Count == 0 ? null : Versions[0];

    /// <summary>The version with that label when the reader may see it, else null.</summary>
    public ProgrammeVersion? Named(string label) => Versions.FirstOrDefault(v => v.Label == label);

    /// <summary>The named version, or the newest one when no label is given.</summary>
    public ProgrammeVersion? NamedOrLatest(string? label) => label is null ? Latest : Named(label);
}
