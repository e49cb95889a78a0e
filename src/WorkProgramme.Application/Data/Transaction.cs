using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkProgramme.Application.Data;

/// <summary>
/// A unit of work that is all or nothing on its own, or, inside a caller's transaction (the first start seeds every
/// shipped file in one), a savepoint of it: a rollback undoes this unit only, and the caller commits the whole.
/// </summary>
internal sealed class Transaction : IAsyncDisposable
{
    private const string Savepoint = "unit";
    private readonly IDbContextTransaction? owned;
    private readonly IDbContextTransaction? outer;

    private Transaction(IDbContextTransaction? owned, IDbContextTransaction? outer)
    {
        this.owned = owned;
        this.outer = outer;
    }

    public static async Task<Transaction> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } current)
        {
            await current.CreateSavepointAsync(Savepoint, cancellationToken);
            return new Transaction(null, current);
        }

        return new Transaction(await db.Database.BeginTransactionAsync(cancellationToken), null);
    }

    public Task CommitAsync(CancellationToken cancellationToken) =>
        owned?.CommitAsync(cancellationToken) ?? outer!.ReleaseSavepointAsync(Savepoint, cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) =>
        owned?.RollbackAsync(cancellationToken) ?? outer!.RollbackToSavepointAsync(Savepoint, cancellationToken);

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
