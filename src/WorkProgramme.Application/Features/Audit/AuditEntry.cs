namespace WorkProgramme.Application.Features.Audit;

/// <summary>
/// One change to the official record: who, when (UTC), which entity, which field, the value before and after.
/// Rows are only ever added: the database refuses updates and deletes (see the migration's triggers).
/// </summary>
public sealed class AuditEntry
{
    public const string Created = "(created)";
    public const string Deleted = "(deleted)";

    private AuditEntry()
    {
        Actor = EntityType = EntityId = Field = null!;
    }

    public AuditEntry(DateTimeOffset at, string actor, string entityType, string entityId, string? context, string field,
        string? oldValue, string? newValue)
    {
        At = at;
        Actor = actor;
        EntityType = entityType;
        EntityId = entityId;
        Context = context;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; }

    /// <summary>Activity, StatusReport, Session, Round, User...</summary>
    public string EntityType { get; private set; }

    /// <summary>The entity's stable key: an activity's id, "activityId@session" for a status report, a session key...</summary>
    public string EntityId { get; private set; }

    /// <summary>Where the change happened when the key alone does not say it, e.g. the programme version.</summary>
    public string? Context { get; private set; }

    public string Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }
}

/// <summary>The name written in the audit trail for the current change.</summary>
public interface ICurrentActor
{
    string Name { get; }
}

/// <summary>The command line and start-up act as the machine's operator.</summary>
public sealed class OperatorActor : ICurrentActor
{
    public string Name => AuditActors.Operator;
}

/// <summary>The names the trail stores for changes no person signed in made; pages show them in words.</summary>
public static class AuditActors
{
    public const string Operator = "wp (operator)";

    /// <summary>A web request with no one signed in (the first start's data, a password reset).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Single sign-on creating or updating a user: "single sign-on (e-mail)".</summary>
    public static string SingleSignOn(string who) => $"{SingleSignOnStart}{who})";

    public const string SingleSignOnStart = "single sign-on (";
}
