using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.Revisions;

/// <summary>
/// A programme's versions and their life: list them, start a revision (a draft copied from the latest version), record
/// its adoption (endorsed by the committee, approved by the Council, each at a session). The programme page, the API
/// and <c>wp versions</c> call these handlers.
/// </summary>
public static class ProgrammeVersions
{
    public sealed record ListQuery(Viewer Viewer, string Slug);

    public sealed record VersionSummary(
        string Label,
        int Sequence,
        string? DocumentSymbol,
        VersionState State,
        string? SessionKey,
        string? EndorsedAt,
        string? ApprovedAt,
        int Activities)
    {
        /// <summary>What an adoption must name (the hidden field of the form): the version's state as the caller saw it.</summary>
        public string Version { get; init; } = "";
    }

    /// <summary>The version of a programme version's adoption record.</summary>
    public static string VersionOf(ProgrammeVersion version) =>
        StateVersion.Of(version.Label, version.State, version.SessionKey, version.EndorsedAt, version.ApprovedAt, version.DocumentSymbol);

    public sealed record StartCommand(Viewer Viewer, string Slug, string Label, string? DocumentSymbol, string? SessionKey);

    /// <summary>The adoption step to record: <see cref="VersionState.Endorsed"/> or <see cref="VersionState.Approved"/>.</summary>
    public sealed record AdoptCommand(Viewer Viewer, string Slug, string Label, VersionState Step, string SessionKey, string? ExpectedVersion);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline, DocumentWarming warming, ReadModelCache cache, RecordState state)
    {
        /// <summary>
        /// The versions the viewer may see, oldest first; kept per state of the record and kind of viewer (decision 0037):
        /// an editor's programme page asks on every request.
        /// </summary>
        public async Task<IReadOnlyList<VersionSummary>?> HandleAsync(ListQuery query, CancellationToken cancellationToken)
        {
            var programme = await state.ProgrammeAsync(cache, query.Slug, cancellationToken);
            if (programme is null)
            {
                return null;
            }

            var visibility = programme.VisibleTo(query.Viewer);
            return (await cache.GetOrBuildAsync(await state.StampAsync(cancellationToken), new ListKey(query.Slug, visibility.SeesDrafts),
                async () => new Listed(await ListAsync(visibility.Versions, cancellationToken)))).Versions;
        }

        private async Task<IReadOnlyList<VersionSummary>> ListAsync(IReadOnlyList<ProgrammeVersion> visible, CancellationToken cancellationToken)
        {
            var versions = visible.Reverse().ToList();
            var ids = versions.Select(v => v.Id).ToList();
            var counts = await db.ActivityVersions.AsNoTracking()
                .Where(a => ids.Contains(a.ProgrammeVersionId) && a.Revision != Domain.Activities.RevisionKind.Deleted)
                .GroupBy(a => a.ProgrammeVersionId)
                .Select(g => new { Id = g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => c.Id, c => c.Count, cancellationToken);
            return versions.Select(v => new VersionSummary(v.Label, v.Sequence, v.DocumentSymbol, v.State, v.SessionKey,
                v.EndorsedAt, v.ApprovedAt, counts.GetValueOrDefault(v.Id)) { Version = VersionOf(v) }).ToList();
        }

        private sealed record ListKey(string Slug, bool SeesDrafts);

        private sealed record Listed(IReadOnlyList<VersionSummary> Versions);

        private sealed record SessionsKey;

        private sealed record Sessions(IReadOnlyList<SessionView> Views);

        /// <summary>The body whose programme it is (who may edit it follows from it); null when there is no such programme.</summary>
        public async Task<string?> BodyOfAsync(string slug, CancellationToken cancellationToken) =>
            await db.Programmes.AsNoTracking().Where(p => p.Slug == slug).Select(p => p.BodyCode).SingleOrDefaultAsync(cancellationToken);

        /// <summary>The sessions a version can be prepared for, endorsed or approved at, latest first, with what names them.</summary>
        public async Task<IReadOnlyList<SessionView>> SessionsAsync(CancellationToken cancellationToken) =>
            (await cache.GetOrBuildAsync(await state.StampAsync(cancellationToken), new SessionsKey(),
                async () => new Sessions(await SessionViews.LoadAsync(db, null, cancellationToken)))).Views;

        /// <summary>The value is the new draft's label.</summary>
        public Task<Result<string>> HandleAsync(StartCommand command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<Programme, string>(command.Viewer, null, async ct =>
            {
                var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                    .SingleOrDefaultAsync(p => p.Slug == command.Slug, ct);
                return programme is null ? null : new Target<Programme>(programme, programme.BodyCode, "");
            },
            async (programme, ct) =>
            {
                var label = command.Label?.Trim() ?? "";
                if (label.Length is 0 or > 100 || label.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '&'))
                {
                    return Failure.Invalid("label", new BilingualText(
                        "Le libellé de la version est obligatoire, sans espace ni / ? # & (par exemple 2025-04).",
                        "The version label is required, without spaces or / ? # & (for example 2025-04)."));
                }

                if (await UnknownSessionAsync(command.SessionKey, ct) is { } unknown)
                {
                    return Failure.Invalid("session", unknown);
                }

                return programme.StartRevision(label, Blank(command.DocumentSymbol), Blank(command.SessionKey)).Label;
            }) { CreatesNew = true }, cancellationToken);

        /// <summary>The value is the adopted version's label.</summary>
        public Task<Result<string>> HandleAsync(AdoptCommand command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<ProgrammeVersion, string>(command.Viewer, command.ExpectedVersion, async ct =>
            {
                var programme = await db.Programmes.Include(p => p.Versions)
                    .SingleOrDefaultAsync(p => p.Slug == command.Slug, ct);
                var version = programme?.Versions.SingleOrDefault(v => v.Label == command.Label);
                return programme is null || version is null ? null : new Target<ProgrammeVersion>(version, programme.BodyCode, VersionOf(version));
            },
            async (version, ct) =>
            {
                if (string.IsNullOrWhiteSpace(command.SessionKey))
                {
                    return Failure.Invalid("session", new BilingualText("Choisissez la session.", "Choose the session."));
                }

                if (await UnknownSessionAsync(command.SessionKey, ct) is { } unknown)
                {
                    return Failure.Invalid("session", unknown);
                }

                switch (command.Step)
                {
                    case VersionState.Endorsed:
                        version.Endorse(command.SessionKey);
                        break;
                    case VersionState.Approved:
                        version.Approve(command.SessionKey);
                        break;
                    default:
                        return Failure.Invalid("step", new BilingualText(
                            "Étape inconnue : entériné ou approuvé.", "Unknown step: endorsed or approved."));
                }

                return version.Label;
            })
            {
                Serialized = true,
                // The adopted version's downloads are built before they are asked for (docs/decisions/0038).
                Committed = () => warming.Request(command.Slug),
            }, cancellationToken);

        private async Task<BilingualText?> UnknownSessionAsync(string? key, CancellationToken cancellationToken) =>
            string.IsNullOrWhiteSpace(key) || await db.Sessions.AnyAsync(s => s.Key == key.Trim(), cancellationToken)
                ? null
                : new BilingualText($"Session inconnue « {key} ».", $"Unknown session '{key}'.");

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
