using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

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

    /// <summary>
    /// Publishes the round and, with it, every draft report of its session: they become the current status and are
    /// frozen. Everything is checked before anything changes, so a refused publication leaves the round and its reports
    /// as they were (docs/decisions/0017).
    /// </summary>
    public void Publish(string by, DateTimeOffset at, IEnumerable<StatusReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (State == RoundState.Published)
        {
            throw new DomainException("Ce cycle de rapports est déjà publié.", "This reporting round is already published.");
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            throw new DomainException("Indiquez qui publie le cycle de rapports.", "Give who publishes the reporting round.");
        }

        var drafts = reports.Where(r => r.State == ReportState.Draft).ToList();
        if (drafts.Any(r => r.SessionKey != SessionKey))
        {
            throw new DomainException(
                $"Seuls les rapports de la session {SessionKey} sont publiés avec ce cycle.",
                $"Only the reports of session {SessionKey} are published with this round.");
        }

        foreach (var report in drafts)
        {
            report.Publish();
        }

        State = RoundState.Published;
        PublishedBy = by;
        PublishedAt = at;
    }
}
