using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace WorkProgramme.Application.Features.Snapshots;

/// <summary>
/// The state of the record for one request (a scope): the newest audit row (<see cref="LatestChange.Handler"/>), read
/// from the database once, and again after this scope saves a change. Every read model kept in <see
/// cref="ReadModelCache"/> is keyed on it (docs/decisions/0037). Unlike <see cref="LatestChange.Stamp"/> (process-wide,
/// up to a second behind a change made by another instance or <c>wp</c>, for the page cache and the downloads), it is
/// never older than the request: one indexed read per request buys that a signed-in editor sees their write at once.
/// </summary>
public sealed class RecordState(WorkProgrammeDb db, LatestChange.Handler latest)
{
    private string? stamp;
    private bool watching;

    public async ValueTask<string> StampAsync(CancellationToken cancellationToken)
    {
        if (!watching)
        {
            db.SavedChanges += (_, _) => stamp = null;
            watching = true;
        }

        return stamp ??= await latest.HandleAsync(cancellationToken);
    }

    /// <summary>
    /// The stamp for a caller that cannot wait (a Razor page rendering): the one this scope has read, usually by the page's
    /// handler, else read now, blocking.
    /// </summary>
    public string Stamp()
    {
        var pending = StampAsync(CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// The programme with its versions and no rows, kept for the state: what <see cref="Programme.VisibleTo"/> needs to
    /// tell which kept model a viewer gets. Shared: never change it, never read its rows.
    /// </summary>
    public async Task<Programme?> ProgrammeAsync(ReadModelCache cache, string slug, CancellationToken cancellationToken) =>
        (await cache.GetOrBuildAsync(await StampAsync(cancellationToken), new HeadKey(slug), async () => new Head(
            await db.Programmes.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken)))).Programme;

    private sealed record HeadKey(string Slug);

    private sealed record Head(Programme? Programme);
}
