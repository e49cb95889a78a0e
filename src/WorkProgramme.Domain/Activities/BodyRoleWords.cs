using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Activities;

/// <summary>
/// The words footnote 5 of the template gives the roles of the responsible bodies, in French and English, for the
/// documents and the comparison of versions (the pages read the same words from the resources).
/// </summary>
public static class BodyRoleWords
{
    public static BilingualText Of(BodyRole role) => role switch
    {
        BodyRole.Lead => new("organe en charge", "lead body"),
        BodyRole.Supporting => new("organe de soutien", "supporting body"),
        BodyRole.Deciding => new("organe de décision", "decision body"),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
