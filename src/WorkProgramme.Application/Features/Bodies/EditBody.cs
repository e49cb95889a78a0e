using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Bodies;

/// <summary>
/// Renames a body (administrators): its abbreviations (CTP / PTC) and names in French and English. The code, the key
/// programmes, sessions, activities and users name it by, never changes. Names the words it started from, like every
/// edit; audited by the trail's interceptor.
/// </summary>
public static class EditBody
{
    public sealed record Command(Viewer Viewer, string Code, string? AbbreviationFr, string? AbbreviationEn, string? NameFr, string? NameEn,
        string? ExpectedVersion);

    /// <summary>The version of a body's words, shown in the edit form and checked when it is saved.</summary>
    public static string VersionOf(Body body) =>
        StateVersion.Of(body.Abbreviation.Fr, body.Abbreviation.En, body.Name.Fr, body.Name.En, body.Kind, body.ReportsTo);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        /// <summary>The value is the body's new version.</summary>
        public Task<Result<string>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<Body, string>(command.Viewer, command.ExpectedVersion, async ct =>
                await db.Bodies.SingleOrDefaultAsync(b => b.Code == command.Code, ct) is { } body
                    ? new Target<Body>(body, body.Code, VersionOf(body))
                    : null,
                (body, _) =>
                {
                    body.Update(new BilingualText(command.AbbreviationFr, command.AbbreviationEn), new BilingualText(command.NameFr, command.NameEn),
                        body.Kind, body.ReportsTo);
                    return Task.FromResult<Result<string>>(VersionOf(body));
                })
            {
                // Reference data is the administrators'.
                MayChange = (viewer, _) => viewer.IsAdmin,
                Serialized = true,
            }, cancellationToken);
    }
}
