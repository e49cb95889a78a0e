using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Bodies;

/// <summary>
/// Adds a body (administrators, docs/decisions/0042): its code, kept as the key for good, and its abbreviations and
/// names in French and English. The code's shape and the words are checked by the domain; a code already taken (in
/// any case: "ctp" is "CTP") is refused in words. Audited by the trail's interceptor.
/// </summary>
public static class AddBody
{
    public sealed record Command(Viewer Viewer, string? Code, string? AbbreviationFr, string? AbbreviationEn, string? NameFr, string? NameEn,
        BodyKind Kind = BodyKind.Committee);

    /// <summary>Nothing to load: a new body starts from nothing.</summary>
    private sealed record Nothing;

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        /// <summary>The value is the new body's code.</summary>
        public Task<Result<string>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<Nothing, string>(command.Viewer, null,
                _ => Task.FromResult<Target<Nothing>?>(new Target<Nothing>(new Nothing(), "", "")),
                async (_, ct) =>
                {
                    var body = Body.Add(command.Code, new BilingualText(command.AbbreviationFr, command.AbbreviationEn),
                        new BilingualText(command.NameFr, command.NameEn), command.Kind);
                    var codes = await db.Bodies.AsNoTracking().Select(b => b.Code).ToListAsync(ct);
                    if (codes.FirstOrDefault(c => string.Equals(c, body.Code, StringComparison.OrdinalIgnoreCase)) is { } taken)
                    {
                        return Failure.Invalid("code", new BilingualText(
                            $"Un organe porte déjà le code « {taken} » : choisissez-en un autre, ou renommez celui-là.",
                            $"A body already has the code '{taken}': choose another, or rename that one."));
                    }

                    db.Bodies.Add(body);
                    return body.Code;
                })
            {
                // Reference data is the administrators'.
                MayChange = (viewer, _) => viewer.IsAdmin,
                CreatesNew = true,
                Serialized = true,
            }, cancellationToken);
    }
}
