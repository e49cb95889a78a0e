using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Writes;

/// <summary>
/// Why a use case did not do what was asked. The set is closed: the API maps each to one status (ProblemDetails) and
/// the pages to one answer, so a new handler cannot invent an outcome its callers do not know.
/// </summary>
public enum FailureKind
{
    /// <summary>The programme, activity, session… does not exist, or the caller may not see it.</summary>
    NotFound,

    /// <summary>The caller may see it but not change it.</summary>
    Forbidden,

    /// <summary>The request itself is wrong (a field, a rule of the template, a reference): the messages say which.</summary>
    Invalid,

    /// <summary>
    /// The request contradicts the record as it stands: the caller's version is no longer the current one
    /// (<see cref="Failure.Stale"/>), or the domain refuses the change in this state.
    /// </summary>
    Conflict,

    /// <summary>The caller changes the official record without naming the version it started from.</summary>
    PreconditionRequired,
}

/// <summary>A message about one field of the request (<see cref="Field"/> empty: about the request as a whole).</summary>
public sealed record FieldMessage(string Field, BilingualText Message);

/// <summary>What went wrong, in both languages, and what the caller needs to try again.</summary>
public sealed record Failure(FailureKind Kind, IReadOnlyList<FieldMessage> Messages)
{
    public static readonly Failure NotFound = new(FailureKind.NotFound, []);

    public static readonly Failure Forbidden = new(FailureKind.Forbidden, []);

    /// <summary>The version the record has now (its ETag value), when the failure is about versions or the caller should start again from it.</summary>
    public string? CurrentVersion { get; init; }

    /// <summary>A <see cref="FailureKind.Conflict"/> because the caller's version is not the current one (HTTP 412), not because of a rule (409).</summary>
    public bool Stale { get; init; }

    /// <summary>The change touched an archived programme (docs/decisions/0040): a conflict no later version resolves.</summary>
    public bool Archived { get; init; }

    /// <summary>What stands in the way, by name (for example the reports nobody updated before a publication).</summary>
    public IReadOnlyList<string> Pending { get; init; } = [];

    public IReadOnlyList<BilingualText> Problems => Messages.Select(m => m.Message).ToList();

    public static Failure Invalid(params IEnumerable<BilingualText> messages) =>
        new(FailureKind.Invalid, messages.Select(m => new FieldMessage("", m)).ToList());

    public static Failure Invalid(string field, BilingualText message) => new(FailureKind.Invalid, [new FieldMessage(field, message)]);

    public static Failure InvalidFields(IEnumerable<FieldMessage> messages) => new(FailureKind.Invalid, messages.ToList());

    /// <summary>The domain refuses the change in the record's present state.</summary>
    public static Failure Refused(BilingualText message) => new(FailureKind.Conflict, [new FieldMessage("", message)]);

    public static Failure StaleVersion(string? current) => new(FailureKind.Conflict, []) { Stale = true, CurrentVersion = current };

    public static Failure VersionRequired(string? current) => new(FailureKind.PreconditionRequired, []) { CurrentVersion = current };
}

/// <summary>
/// The answer of every use case that changes state: success with its value, or a <see cref="Failure"/>. On a failure
/// <see cref="Value"/> may still hold the record as stored now (the winner's, on a conflict), so that a form can show it.
/// </summary>
public sealed class Result<T>
{
    private Result(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    /// <summary>The failure's messages (none on success).</summary>
    public IReadOnlyList<BilingualText> Problems => Failure?.Problems ?? [];

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Failure failure, T? current = default) => new(current, failure);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Failure failure) => Fail(failure);

    /// <summary>The same failure as the answer of another use case.</summary>
    public Result<TOther> As<TOther>(TOther? current = default) =>
        Failure is null ? throw new InvalidOperationException("Only a failure can be carried over.") : Result<TOther>.Fail(Failure, current);
}

/// <summary>The value of a change that returns nothing but its success.</summary>
public sealed record Done
{
    public static readonly Done Value = new();

    private Done()
    {
    }
}

/// <summary>A record with the version an edit of it must name (the ETag of the API, the hidden field of a form).</summary>
public sealed record Versioned<T>(T Value, string Version);
