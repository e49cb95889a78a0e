using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>A programme's latest version, one session, its round and its reports, loaded for change (tracked).</summary>
internal sealed record RoundContext(Programme Programme, ProgrammeVersion Version, Session Session, SessionName.BodyWords SessionBody,
    ReportingRound? Round, Dictionary<Guid, StatusReport> Reports)
{
    /// <summary>The session as people name it ("227e session du CTP"), for every message about this round.</summary>
    public BilingualText SessionLabel => SessionName.Of(Session, SessionBody);

    /// <summary>The French name with its article, for "pour la 227e session…" or "pour les 243e/244e sessions…".</summary>
    public string SessionLabelFrWithArticle => (Session.Ordinals.Count > 1 ? "les " : "la ") + SessionLabel.Fr;

    public IEnumerable<ActivityVersion> LiveRows => Version.Activities.Where(a => !a.IsDeleted).OrderBy(a => a.SortKey);

    public static async Task<(RoundContext? Context, Failure? Failure)> LoadAsync(WorkProgrammeDb db, Viewer viewer, string slug,
        string sessionKey, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
            .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        var version = programme?.Latest;
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Key == sessionKey, cancellationToken);
        if (programme is null || version is null || session is null)
        {
            return (null, Failure.NotFound);
        }

        if (!viewer.CanEdit(programme.BodyCode))
        {
            return (null, Failure.Forbidden);
        }

        var round = await db.Rounds.SingleOrDefaultAsync(r => r.ProgrammeId == programme.Id && r.SessionKey == sessionKey, cancellationToken);
        var ids = version.Activities.Select(a => a.ActivityId).ToList();
        var reports = await db.StatusReports.Where(r => r.SessionKey == sessionKey && ids.Contains(r.ActivityId))
            .ToDictionaryAsync(r => r.ActivityId, cancellationToken);
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == session.BodyCode, cancellationToken);
        var words = body is null
            ? new SessionName.BodyWords(session.BodyCode, BilingualText.Empty, Domain.Bodies.BodyKind.Committee)
            : SessionName.BodyWords.Of(body);
        return (new RoundContext(programme, version, session, words, round, reports), null);
    }

    /// <summary>
    /// The round's progress as a version: its state and every report's row version. A report written or reviewed after a
    /// page was loaded changes it, so a publication from that page is refused.
    /// </summary>
    public string ProgressVersion => StateVersion.Of(Round?.State, Reports.Values.OrderBy(r => r.ActivityId).Select(r => $"{r.ActivityId}:{r.RowVersion}").ToList());

    /// <summary>Refused: the session belongs to another body than the programme's.</summary>
    public DomainException NotThisBodysSession() => new(
        $"Ce programme n’est pas celui de l’organe qui tient {SessionLabelFrWithArticle}.",
        $"This programme does not belong to the body that holds the {SessionLabel.En}.");

    public static string Reference(ActivityVersion row) => ActivityLabel.Of(row).ToString();
}
