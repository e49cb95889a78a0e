using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Application.Features.Sessions;

/// <summary>
/// What people call the record's keys: where a page or e-mail holds only a session key, a body code or a programme
/// slug, it shows the session's name (<see cref="SessionName"/>), the body's abbreviation in the reader's language or the
/// programme's title, never the key. The names of sessions, bodies and programmes are read once per state of the record
/// and shared (<see cref="ReadModelCache"/>, docs/decisions/0037 and 0051): 600 sessions at 50 committees were read on
/// every request.
/// </summary>
public sealed class RecordNames(WorkProgrammeDb db, ReadModelCache cache, RecordState state)
{
    private Dictionary<string, BilingualText>? sessions;
    private Dictionary<string, SessionName.BodyWords>? bodies;
    private Dictionary<string, BilingualText>? programmes;
    private Dictionary<string, BilingualText>? taskTypes;
    private Dictionary<Guid, (ActivityLabel Label, BilingualText Title)>? activities;

    /// <summary>"243e/244e sessions du CTP (avril 2024)"; a key no session has is shown as it is.</summary>
    public string Session(string sessionKey, Language language)
    {
        Load();
        return sessions!.TryGetValue(sessionKey, out var name) ? name.For(language).Text ?? sessionKey : sessionKey;
    }

    public bool IsSession(string key)
    {
        Load();
        return sessions!.ContainsKey(key);
    }

    /// <summary>The body's abbreviation in that language (CTP / PTC); its code where it has none.</summary>
    public string Body(string bodyCode, Language language)
    {
        Load();
        return bodies!.TryGetValue(bodyCode, out var body) ? body.Abbreviation(language) : bodyCode;
    }

    public SessionName.BodyWords BodyWords(string bodyCode)
    {
        Load();
        return bodies!.GetValueOrDefault(bodyCode) ?? new SessionName.BodyWords(bodyCode, BilingualText.Empty, BodyKind.Committee);
    }

    public bool IsBody(string code)
    {
        Load();
        return bodies!.ContainsKey(code);
    }

    /// <summary>The programme's title for a slug; null when no programme has it.</summary>
    public BilingualText? Programme(string slug)
    {
        Load();
        return programmes!.TryGetValue(slug, out var title) ? title : null;
    }

    /// <summary>
    /// A task type's words in that language for its code ("development"), or for the enum name the trail wrote before
    /// task types were data ("Development", docs/decisions/0052); null for a value no type has.
    /// </summary>
    public string? TaskType(string value, Language language)
    {
        Load();
        var code = value.Length > 0 && char.IsUpper(value[0])
            ? string.Concat(value.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()))
            : value;
        return taskTypes!.TryGetValue(code, out var name) ? name.In(language) : null;
    }

    /// <summary>"I.12" and the title of an activity as its newest version has it; null for an id no activity has.</summary>
    public (ActivityLabel Label, BilingualText Title)? Activity(Guid activityId)
    {
        if (activities is null)
        {
            // Only the audit pages ask, for ids the trail holds: every activity's newest row, read once per request.
            activities = (from row in db.ActivityVersions.AsNoTracking()
                          join version in db.ProgrammeVersions.AsNoTracking() on row.ProgrammeVersionId equals version.Id
                          select new { row.ActivityId, row.Section, row.Number, row.Title, version.ProgrammeId, version.Sequence })
                .AsEnumerable()
                .GroupBy(r => r.ActivityId)
                .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Sequence) is var newest
                    ? (new ActivityLabel(newest!.Section, newest.Number), newest.Title)
                    : default);
        }

        return activities.TryGetValue(activityId, out var found) ? found : null;
    }

    private void Load()
    {
        if (sessions is not null)
        {
            return;
        }

        // Razor pages render synchronously: the stamp is the one the page's handler read (else one query), and the names
        // are built at most once per state of the record.
        var names = cache.GetOrBuild(state.Stamp(), NamesKey.Instance, () =>
        {
            var bodies = db.Bodies.AsNoTracking().AsEnumerable().ToDictionary(b => b.Code, SessionName.BodyWords.Of, StringComparer.Ordinal);
            var programmes = db.Programmes.AsNoTracking().Select(p => new { p.Slug, p.Title }).AsEnumerable()
                .ToDictionary(p => p.Slug, p => p.Title, StringComparer.Ordinal);
            var sessions = db.Sessions.AsNoTracking().AsEnumerable().ToDictionary(s => s.Key, s => SessionName.Of(s,
                bodies.GetValueOrDefault(s.BodyCode) ?? new SessionName.BodyWords(s.BodyCode, BilingualText.Empty, BodyKind.Committee)),
                StringComparer.Ordinal);
            var taskTypes = db.TaskTypes.AsNoTracking().AsEnumerable().ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
            return new Names(sessions, bodies, programmes, taskTypes);
        });
        taskTypes = names.TaskTypes;
        bodies = names.Bodies;
        programmes = names.Programmes;
        sessions = names.Sessions;
    }

    private sealed record NamesKey
    {
        public static readonly NamesKey Instance = new();
    }

    /// <summary>Shared by every request of one state: never changed once built.</summary>
    private sealed record Names(
        Dictionary<string, BilingualText> Sessions,
        Dictionary<string, SessionName.BodyWords> Bodies,
        Dictionary<string, BilingualText> Programmes,
        Dictionary<string, BilingualText> TaskTypes);
}
