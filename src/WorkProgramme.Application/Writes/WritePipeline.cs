using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Writes;

/// <summary>What a write loads (tracked): the record, the body whose editors may change it, and its version now.</summary>
public sealed record Target<T>(T Record, string BodyCode, string Version);

/// <summary>
/// One change of the official record, described for <see cref="WritePipeline"/>: how to load it, the version the caller
/// started from, and the change itself (through the domain).
/// </summary>
public sealed record Write<T, TOut>(
    Viewer Viewer,
    string? ExpectedVersion,
    Func<CancellationToken, Task<Target<T>?>> Load,
    Func<T, CancellationToken, Task<Result<TOut>>> Change)
{
    /// <summary>The record as a failed caller should see it (taken before the change): the form shows it on a conflict.</summary>
    public Func<T, TOut>? Shown { get; init; }

    /// <summary>What a <see cref="DomainException"/> of the change means here: a wrong request, or a state that forbids it.</summary>
    public FailureKind Refusal { get; init; } = FailureKind.Invalid;

    /// <summary>
    /// The version is computed from the record (<see cref="StateVersion"/>), not a concurrency token of the store: the
    /// check and the save run in one serializable transaction, so a write between them is caught as well.
    /// </summary>
    public bool Serialized { get; init; }

    /// <summary>
    /// The write adds a new record (an activity, a comment, a draft version): there is no version the caller could have
    /// seen, so none is checked. Concurrent additions are the domain's to refuse (a second draft, a duplicate key).
    /// </summary>
    public bool CreatesNew { get; init; }

    /// <summary>Who may make the change, given the body of the record: by default the editors of that body (and administrators).</summary>
    public Func<Viewer, string, bool> MayChange { get; init; } = (viewer, body) => viewer.CanEdit(body);

    /// <summary>Work that must see the change and must not run without it (warming documents): called once the change is saved and committed.</summary>
    public Action? Committed { get; init; }
}

/// <summary>
/// The one way the official record changes: load, authorise, check the version the caller started from, change through
/// the domain, save (the audit interceptor writes the trail in the same transaction), and turn a concurrent save into a
/// conflict that shows the winner's state. Handlers describe their write (<see cref="Write{T,TOut}"/>); none repeats these steps.
/// </summary>
public sealed class WritePipeline(WorkProgrammeDb db)
{
    public async Task<Result<TOut>> RunAsync<T, TOut>(Write<T, TOut> write, CancellationToken cancellationToken)
    {
        var (result, lost) = await TryAsync(write, cancellationToken);
        if (!lost)
        {
            return result!;
        }

        // Someone saved between our read and our write: report their state, never ours.
        db.ChangeTracker.Clear();
        var winner = await write.Load(cancellationToken);
        return winner is null
            ? Failure.NotFound
            : Result<TOut>.Fail(Failure.StaleVersion(winner.Version), write.Shown is null ? default : write.Shown(winner.Record));
    }

    private async Task<(Result<TOut>? Result, bool Lost)> TryAsync<T, TOut>(Write<T, TOut> write, CancellationToken cancellationToken)
    {
        await using var transaction = write.Serialized && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken)
            : null;
        var target = await write.Load(cancellationToken);
        if (target is null)
        {
            return (Failure.NotFound, false);
        }

        if (!write.MayChange(write.Viewer, target.BodyCode))
        {
            return (Failure.Forbidden, false);
        }

        var shown = write.Shown is null ? default : write.Shown(target.Record);
        if (write.CreatesNew)
        {
        }
        else if (write.ExpectedVersion is null)
        {
            return (Result<TOut>.Fail(Failure.VersionRequired(target.Version), shown), false);
        }

        else if (!string.Equals(write.ExpectedVersion, target.Version, StringComparison.Ordinal))
        {
            return (Result<TOut>.Fail(Failure.StaleVersion(target.Version), shown), false);
        }

        try
        {
            var result = await write.Change(target.Record, cancellationToken);
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return (result.Value is null ? Result<TOut>.Fail(result.Failure! with { CurrentVersion = target.Version }, shown) : result, false);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            write.Committed?.Invoke();
            return (result, false);
        }
        catch (DomainException refused)
        {
            db.ChangeTracker.Clear();
            var archived = refused is Domain.Programmes.ArchivedProgrammeException;
            var kind = archived ? FailureKind.Conflict : write.Refusal;
            return (Result<TOut>.Fail(new Failure(kind, [new FieldMessage("", refused.Messages)]) { CurrentVersion = target.Version, Archived = archived },
                shown), false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, true);
        }
        catch (Exception e) when (IsSerializationFailure(e))
        {
            return (null, true);
        }
    }

    /// <summary>PostgreSQL's answer when a serializable transaction lost to a concurrent one (SQLSTATE 40001).</summary>
    private static bool IsSerializationFailure(Exception e) =>
        e is DbException { SqlState: "40001" } || (e.InnerException is { } inner && IsSerializationFailure(inner));
}
