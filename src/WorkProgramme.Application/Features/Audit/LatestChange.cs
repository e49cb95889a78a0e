using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Application.Features.Audit;

/// <summary>
/// Names the state of the official record: every change writes audit rows in its own transaction (<see
/// cref="AuditInterceptor"/>), so the newest row changes whenever anything a page shows changes, whichever
/// instance or command made the change. <see cref="Handler"/> is the one query for it; two readers ask it, and they
/// answer "what is the state now" with different freshness: <see cref="Stamp"/>, process-wide, trusts a reading up to
/// <see cref="Stamp.MaxAge"/> for another instance's (or <c>wp</c>'s) change: for what anonymous readers share, the page
/// cache and the downloads (docs/decisions/0009, 0038); <see cref="Snapshots.RecordState"/>, per request, reads it
/// again on every request: for the read models of signed-in pages, where an editor must see their write at once
/// wherever it landed (docs/decisions/0037). Both give the same string for the same state.
/// </summary>
public static class LatestChange
{
    public sealed class Handler(WorkProgrammeDb db)
    {
        /// <summary>The newest audit row's id and time ("0" on a database without any), as one short string.</summary>
        public async Task<string> HandleAsync(CancellationToken cancellationToken)
        {
            var newest = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Id)
                .Select(e => new { e.Id, e.At })
                .FirstOrDefaultAsync(cancellationToken);
            // The time tells apart two histories that reached the same id (a backup restored, then other changes made).
            return newest is null ? "0" : $"{newest.Id}@{newest.At.UtcTicks}";
        }
    }

    /// <summary>
    /// The newest change as this process last read it. A change saved by this process is seen at once (<see
    /// cref="Signal"/>); one saved by another instance or by <c>wp</c> within <see cref="MaxAge"/>, the longest a reading
    /// is trusted (<c>PageCache:RecordStampSeconds</c>, default <see cref="DefaultMaxAge"/>). So a busy page costs one
    /// read of the database per second, not one per request.
    /// </summary>
    public sealed class Stamp(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
    {
        public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(1);

        public TimeSpan MaxAge { get; } =
            configuration.GetValue<double?>("PageCache:RecordStampSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultMaxAge;

        private readonly SemaphoreSlim reading = new(1, 1);
        private Reading? last;
        private long generation;

        public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken)
        {
            if (Fresh(Volatile.Read(ref last)) is { } value)
            {
                return value;
            }

            await reading.WaitAsync(cancellationToken);
            try
            {
                if (Fresh(Volatile.Read(ref last)) is { } readMeanwhile)
                {
                    return readMeanwhile;
                }

                // A change saved while the read runs moves the generation, so this reading is not trusted afterwards.
                var startedGeneration = Interlocked.Read(ref generation);
                var started = clock.GetTimestamp();
                await using var scope = scopes.CreateAsyncScope();
                var stamp = await scope.ServiceProvider.GetRequiredService<Handler>().HandleAsync(cancellationToken);
                Volatile.Write(ref last, new Reading(stamp, started, startedGeneration));
                return stamp;
            }
            finally
            {
                reading.Release();
            }
        }

        /// <summary>This process changed the record: the next request reads the newest change again.</summary>
        public void Changed() => Interlocked.Increment(ref generation);

        private string? Fresh(Reading? reading) =>
            reading is not null && reading.Generation == Interlocked.Read(ref generation) && clock.GetElapsedTime(reading.At) < MaxAge
                ? reading.Value
                : null;

        private sealed record Reading(string Value, long At, long Generation);
    }

    /// <summary>Tells <see cref="Stamp"/> when this process has saved or committed a change.</summary>
    public sealed class Signal(Stamp stamp) : SaveChangesInterceptor, IDbTransactionInterceptor
    {
        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            stamp.Changed();
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            stamp.Changed();
            return ValueTask.FromResult(result);
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => stamp.Changed();

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            stamp.Changed();
            return Task.CompletedTask;
        }
    }
}
