using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Programmes;

public enum VersionState
{
    Draft,
    Endorsed,
    Approved,
}

/// <summary>One version of a programme: the rows as a given document (e.g. PC0756) states them.</summary>
public sealed class ProgrammeVersion
{
    private readonly List<ActivityVersion> activities = [];

    private ProgrammeVersion()
    {
        Label = null!;
    }

    internal ProgrammeVersion(string label, string? documentSymbol, string? sessionKey, int sequence)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new DomainException("Une version a un libellé.", "A version needs a label.");
        }

        Label = label.Trim();
        DocumentSymbol = documentSymbol;
        State = VersionState.Draft;
        SessionKey = sessionKey;
        Sequence = sequence;
    }

    public int Id { get; private set; }

    public int ProgrammeId { get; private set; }

    public string Label { get; private set; }

    /// <summary>The official document symbol, e.g. PC0756.</summary>
    public string? DocumentSymbol { get; private set; }

    public VersionState State { get; private set; }

    /// <summary>Key of the session the version was prepared for; its status reports are the ones the document shows.</summary>
    public string? SessionKey { get; private set; }

    /// <summary>1 for the first version of a programme, then 2, 3...</summary>
    public int Sequence { get; private set; }

    /// <summary>The committee session that endorsed the version; null while it is a draft or when not recorded.</summary>
    public string? EndorsedAt { get; private set; }

    /// <summary>The Council session that approved the version, after which it never changes again.</summary>
    public string? ApprovedAt { get; private set; }

    public IReadOnlyCollection<ActivityVersion> Activities => activities;

    public ActivityVersion AddActivity(Guid activityId, ActivityContent content)
    {
        EnsureEditable();
        if (activities.Any(a => a.ActivityId == activityId))
        {
            throw new DomainException(
                "Cette activité figure déjà dans la version.",
                "This activity is already in the version.");
        }

        var row = new ActivityVersion(activityId, content);
        row.MoveTo(activities.Count == 0 ? 1 : activities.Max(a => a.Position) + 1);
        activities.Add(row);
        return row;
    }

    /// <summary>Sets a row's content; an approved version accepts only what it already says.</summary>
    public void ReviseActivity(Guid activityId, ActivityContent content)
    {
        var row = activities.SingleOrDefault(a => a.ActivityId == activityId)
            ?? throw new DomainException("Cette activité ne figure pas dans la version.", "This activity is not in the version.");
        if (row.Content.Equals(content))
        {
            return;
        }

        EnsureEditable();
        row.Revise(content);
    }

    /// <summary>An editor confirms the row's translations are right as they stand; false when none was outdated.</summary>
    public bool ConfirmTranslations(Guid activityId)
    {
        var row = activities.SingleOrDefault(a => a.ActivityId == activityId)
            ?? throw new DomainException("Cette activité ne figure pas dans la version.", "This activity is not in the version.");
        if (row.OutdatedTranslations.Count == 0)
        {
            return false;
        }

        EnsureEditable();
        return row.ConfirmTranslations();
    }

    /// <summary>
    /// Writes the translation of one text of a row. A draft or endorsed version takes any translation; an approved one is
    /// frozen, so it only takes a translation where the text had none (its official wording never changes).
    /// </summary>
    public bool Translate(Guid activityId, TextField field, Language language, string translation)
    {
        var row = activities.SingleOrDefault(a => a.ActivityId == activityId)
            ?? throw new DomainException("Cette activité ne figure pas dans la version.", "This activity is not in the version.");
        var current = row.TextOf(field);
        if (current.In(language) == UserText.Normalize(translation))
        {
            return false;
        }

        if (IsFrozen && current.In(language) is not null)
        {
            throw new DomainException(
                "Cette version est approuvée : une traduction n’y est ajoutée que là où il n’y en avait pas.",
                "This version is approved: a translation is only added where there was none.");
        }

        return row.Translate(field, language, translation);
    }

    /// <summary>
    /// Takes an activity out of the programme without erasing it: the row stays, marked deleted and unnumbered, and the
    /// rows after it in its section move up one number.
    /// </summary>
    public ActivityVersion Retire(Guid activityId)
    {
        var row = activities.SingleOrDefault(a => a.ActivityId == activityId)
            ?? throw new DomainException("Cette activité ne figure pas dans la version.", "This activity is not in the version.");
        if (row.IsDeleted)
        {
            throw new DomainException("Cette activité est déjà retirée.", "This activity is already retired.");
        }

        EnsureEditable();
        var retiredNumber = row.Number;
        row.Revise(row.Content with { Revision = RevisionKind.Deleted, Number = null, PreviousNumber = row.PreviousNumber ?? row.Number });
        foreach (var later in activities.Where(a => a.Section == row.Section && a.Number > retiredNumber).ToList())
        {
            var content = later.Content;
            var number = content.Number - 1;
            var previous = content.Revision == RevisionKind.New ? null : content.PreviousNumber ?? content.Number;
            var revision = content.Revision switch
            {
                RevisionKind.Unchanged or RevisionKind.Renumbered => number == previous ? RevisionKind.Unchanged : RevisionKind.Renumbered,
                var kept => kept,
            };
            later.Revise(content with { Number = number, PreviousNumber = previous, Revision = revision });
        }

        return row;
    }

    /// <summary>Adds a new activity at the end of its section, with the next number.</summary>
    public ActivityVersion AddNewActivity(Guid activityId, ActivityContent content)
    {
        var next = activities.Where(a => a.Section == content.Section && a.Number is not null).Select(a => a.Number!.Value).DefaultIfEmpty(0).Max() + 1;
        return AddActivity(activityId, content with { Number = next, PreviousNumber = null, Revision = RevisionKind.New });
    }

    /// <summary>Takes a row out of a draft version (retiring an activity keeps it as a deleted row instead).</summary>
    public void RemoveActivity(Guid activityId)
    {
        EnsureEditable();
        activities.RemoveAll(a => a.ActivityId == activityId);
    }

    /// <summary>Puts the rows in the given order (the document's); rows not named keep their relative order after them.</summary>
    public void Reorder(IReadOnlyList<Guid> order)
    {
        var rank = order.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var sorted = activities.OrderBy(a => rank.TryGetValue(a.ActivityId, out var r) ? r : int.MaxValue).ThenBy(a => a.Position).ToList();
        if (sorted.Select((a, index) => a.Position == index + 1).All(same => same))
        {
            return;
        }

        EnsureEditable();
        for (var index = 0; index < sorted.Count; index++)
        {
            sorted[index].MoveTo(index + 1);
        }
    }

    /// <summary>A version moves forward only: draft, endorsed by the committee, approved by the Council.</summary>
    public void Describe(string? documentSymbol, string? sessionKey)
    {
        if (documentSymbol == DocumentSymbol && sessionKey == SessionKey)
        {
            return;
        }

        EnsureEditable();
        DocumentSymbol = documentSymbol;
        SessionKey = sessionKey;
    }

    /// <summary>Records that the committee endorsed the draft at the given session.</summary>
    public void Endorse(string sessionKey)
    {
        if (string.IsNullOrWhiteSpace(sessionKey))
        {
            throw new DomainException("Indiquez la session qui a entériné la version.", "Give the session that endorsed the version.");
        }

        if (State != VersionState.Draft)
        {
            throw new DomainException(
                "Seul un projet de version peut être entériné.",
                "Only a draft version can be endorsed.");
        }

        State = VersionState.Endorsed;
        EndorsedAt = sessionKey.Trim();
    }

    /// <summary>Records that the Council approved the endorsed version at the given session: from then on it is frozen.</summary>
    public void Approve(string sessionKey)
    {
        if (string.IsNullOrWhiteSpace(sessionKey))
        {
            throw new DomainException("Indiquez la session qui a approuvé la version.", "Give the session that approved the version.");
        }

        if (State != VersionState.Endorsed)
        {
            throw new DomainException(
                State == VersionState.Approved ? "Cette version est déjà approuvée." : "Une version est entérinée par le Comité avant d’être approuvée par le Conseil.",
                State == VersionState.Approved ? "This version is already approved." : "A version is endorsed by the committee before the Council approves it.");
        }

        State = VersionState.Approved;
        ApprovedAt = sessionKey.Trim();
    }

    /// <summary>
    /// Moves a live row to the given number in its section; the rows between shift by one and every number of the
    /// section is recomputed from the order.
    /// </summary>
    public void MoveActivity(Guid activityId, int toNumber)
    {
        var row = activities.SingleOrDefault(a => a.ActivityId == activityId)
            ?? throw new DomainException("Cette activité ne figure pas dans la version.", "This activity is not in the version.");
        if (row.IsDeleted)
        {
            throw new DomainException("Une activité retirée n’a plus de place à changer.", "A retired activity has no place to change.");
        }

        var live = activities.Where(a => a.Section == row.Section && !a.IsDeleted).OrderBy(a => a.Position).ToList();
        if (toNumber < 1 || toNumber > live.Count)
        {
            throw new DomainException(
                $"Le numéro doit être entre 1 et {live.Count}.",
                $"The number must be between 1 and {live.Count}.");
        }

        if (row.Number == toNumber)
        {
            return;
        }

        EnsureEditable();
        live.Remove(row);
        live.Insert(toNumber - 1, row);

        // Positions are shared by both sections and by deleted rows: the moved section takes back the same slots.
        var slots = live.Select(a => a.Position).Order().ToList();
        for (var index = 0; index < live.Count; index++)
        {
            live[index].MoveTo(slots[index]);
        }

        Renumber(row.Section);
    }

    /// <summary>Numbers the live rows of a section 1, 2, 3... in their order; a row whose number changes is renumbered.</summary>
    private void Renumber(Section section)
    {
        var number = 0;
        foreach (var row in activities.Where(a => a.Section == section && !a.IsDeleted).OrderBy(a => a.Position).ToList())
        {
            number++;
            if (row.Number == number)
            {
                continue;
            }

            var content = row.Content;
            var revision = content.Revision switch
            {
                RevisionKind.Unchanged or RevisionKind.Renumbered => number == content.PreviousNumber ? RevisionKind.Unchanged : RevisionKind.Renumbered,
                var kept => kept,
            };
            row.Revise(content with { Number = number, Revision = revision });
        }
    }

    /// <summary>
    /// Fills a new draft with the rows of the version it revises: every live row, same wording and order, its number
    /// now its previous number. Rows retired in that version are not carried over.
    /// </summary>
    internal void CopyRowsFrom(ProgrammeVersion source)
    {
        EnsureEditable();
        foreach (var row in source.activities.Where(a => !a.IsDeleted).OrderBy(a => a.SortKey))
        {
            var copy = new ActivityVersion(row.ActivityId, row.Content with { PreviousNumber = row.Number, Revision = RevisionKind.Unchanged });
            copy.CarryTranslationStateFrom(row);
            copy.MoveTo(activities.Count + 1);
            activities.Add(copy);
        }
    }

    /// <summary>What taking a programme file would change, without changing anything (a preview).</summary>
    public ImportChanges ChangesFrom(string? documentSymbol, string? sessionKey, IReadOnlyList<ImportedRow> rows)
    {
        var current = activities.ToDictionary(a => a.ActivityId);
        var inFile = rows.Select(r => r.ActivityId).ToHashSet();
        var added = rows.Where(r => !current.ContainsKey(r.ActivityId)).Select(r => r.ActivityId).ToList();
        var changed = rows.Where(r => current.TryGetValue(r.ActivityId, out var row) && !row.Content.Equals(r.Content)).Select(r => r.ActivityId).ToList();
        var removed = activities.Where(a => !inFile.Contains(a.ActivityId)).OrderBy(a => a.Position).Select(a => a.ActivityId).ToList();
        var kept = rows.Where(r => current.ContainsKey(r.ActivityId)).Select(r => r.ActivityId);
        var reordered = !kept.SequenceEqual(activities.Where(a => inFile.Contains(a.ActivityId)).OrderBy(a => a.Position).Select(a => a.ActivityId));
        var described = documentSymbol != DocumentSymbol || sessionKey != SessionKey;
        return new ImportChanges(added, changed, removed, reordered, described);
    }

    /// <summary>
    /// Makes the version say what a programme file says: its symbol and session, its rows added, reworded or taken out,
    /// in the file's order. Only a draft takes a file: an endorsed or approved version is the record of a decision,
    /// changed by edits one activity at a time or by a revision, never replaced by a file (a file that says what the
    /// version already says changes nothing and is accepted). A row the domain refuses is reported to
    /// <paramref name="rowRefused"/> with its index in the file, and the others are still taken, so that one import
    /// lists every problem; the caller then keeps none of it.
    /// </summary>
    public ImportChanges TakeFile(string? documentSymbol, string? sessionKey, IReadOnlyList<ImportedRow> rows, Action<int, DomainException> rowRefused)
    {
        var changes = ChangesFrom(documentSymbol, sessionKey, rows);
        if (changes.Any && State != VersionState.Draft)
        {
            var state = State == VersionState.Approved ? ("approuvée", "approved") : ("entérinée", "endorsed");
            throw new DomainException(
                $"La version « {Label} » est {state.Item1} : un import ne la modifie jamais. Importez le fichier sous un autre libellé (un projet), ou commencez une révision.",
                $"Version '{Label}' is {state.Item2}: an import never changes it. Import the file under another label (a draft), or start a revision.");
        }

        Describe(documentSymbol, sessionKey);
        for (var index = 0; index < rows.Count; index++)
        {
            var (id, content) = (rows[index].ActivityId, rows[index].Content);
            try
            {
                if (activities.Any(a => a.ActivityId == id))
                {
                    ReviseActivity(id, content);
                }
                else
                {
                    AddActivity(id, content);
                }
            }
            catch (DomainException refused)
            {
                rowRefused(index, refused);
            }
        }

        foreach (var removed in changes.Removed)
        {
            RemoveActivity(removed);
        }

        Reorder(rows.Select(r => r.ActivityId).ToList());
        return changes;
    }

    public bool IsFrozen => State == VersionState.Approved;

    private void EnsureEditable()
    {
        if (State == VersionState.Approved)
        {
            throw new DomainException(
                "Une version approuvée ne peut plus être modifiée.",
                "An approved version can no longer be changed.");
        }
    }
}

/// <summary>A row of a programme file: the activity and what the file says of it.</summary>
public sealed record ImportedRow(Guid ActivityId, ActivityContent Content);

/// <summary>What a programme file changes in a version: rows added, reworded and taken out; whether the order, the symbol or the session changes.</summary>
public sealed record ImportChanges(IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Changed, IReadOnlyList<Guid> Removed, bool Reordered, bool Described)
{
    public bool Any => Added.Count > 0 || Changed.Count > 0 || Removed.Count > 0 || Reordered || Described;
}
