using System.Collections.Concurrent;

namespace WorkProgramme.Application.Features.Snapshots;

/// <summary>
/// Read models kept for one state of the record, shared by every viewer (docs/decisions/0037). The state is the
/// database's newest audit row (<see cref="Audit.LatestChange"/>, the page cache's key), read by the caller on each
/// request: a change made by any instance or by <c>wp</c> writes a new row, so the next request asks for another state
/// and never gets a model built before the change. Only the current state's entries are kept; they are also dropped
/// after <see cref="Lifetime"/>, for a change that writes no audit row (raw SQL by hand) or a PostgreSQL transaction
/// that commits an older audit id after a newer one. A cached model is shared across requests: never change one.
/// </summary>
public sealed class ReadModelCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private Generation current = new("", 0);

    /// <summary>
    /// The model for <paramref name="key"/> (a record: compared by value) in the record state <paramref name="stamp"/>;
    /// built by <paramref name="build"/> when missing. Two requests that miss together both build; the first kept wins.
    /// </summary>
    public async Task<T> GetOrBuildAsync<T>(string stamp, object key, Func<Task<T>> build)
        where T : class
    {
        var generation = For(stamp);
        if (generation.Entries.TryGetValue(key, out var found))
        {
            return (T)found;
        }

        var built = await build();
        return (T)generation.Entries.GetOrAdd(key, built);
    }

    /// <summary>As <see cref="GetOrBuildAsync{T}"/>, for a caller that cannot wait (a Razor page rendering).</summary>
    public T GetOrBuild<T>(string stamp, object key, Func<T> build)
        where T : class
    {
        var generation = For(stamp);
        return generation.Entries.TryGetValue(key, out var found) ? (T)found : (T)generation.Entries.GetOrAdd(key, build());
    }

    private Generation For(string stamp)
    {
        var seen = Volatile.Read(ref current);
        if (seen.Stamp == stamp && clock.GetElapsedTime(seen.Started) < Lifetime)
        {
            return seen;
        }

        // A request that read the stamp just before a change may replace the newer state with its own for a moment: that
        // costs a rebuild, never a stale model, since every entry stays under the state it was built in.
        var fresh = new Generation(stamp, clock.GetTimestamp());
        var replaced = Interlocked.CompareExchange(ref current, fresh, seen);
        return replaced == seen || replaced.Stamp != stamp ? fresh : replaced;
    }

    private sealed class Generation(string stamp, long started)
    {
        public string Stamp { get; } = stamp;

        public long Started { get; } = started;

        public ConcurrentDictionary<object, object> Entries { get; } = new();
    }
}
