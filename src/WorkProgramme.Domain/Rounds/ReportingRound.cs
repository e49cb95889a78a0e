using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Rounds;

public enum RoundState
{
    Open,
    Published,
}

/// <summary>
/// The Secretariat's round of status reports for one session of a programme's body: opened, written, reviewed,
/// then published once, after which its reports are frozen.
/// </summary>
public sealed class ReportingRound
{
    private ReportingRound()
    {
        SessionKey = OpenedBy = null!;
    }

    public ReportingRound(int programmeId, string sessionKey, string openedBy, DateTimeOffset openedAt)
    {
        ProgrammeId = programmeId;
        SessionKey = sessionKey;
        OpenedBy = openedBy;
        OpenedAt = openedAt;
        State = RoundState.Open;
    }

    public int Id { get; private set; }

    public int ProgrammeId { get; private set; }

    public string SessionKey { get; private set; }

    public RoundState State { get; private set; }

    public string OpenedBy { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public void Publish(string by, DateTimeOffset at)
    {
        if (State == RoundState.Published)
        {
            throw new DomainException("Ce cycle de rapports est déjà publié.", "This reporting round is already published.");
        }

        State = RoundState.Published;
        PublishedBy = by;
        PublishedAt = at;
    }
}
