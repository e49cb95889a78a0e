using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Application.Features.Sessions;

/// <summary>Adds a session to a body's calendar (administrators), e.g. the PTC's 245th/246th sessions in October 2024.</summary>
public static class AddSession
{
    public sealed record Command(Viewer Viewer, string BodyCode, IReadOnlyList<int> Ordinals, int Year, int Month, Season? Season,
        DateOnly? StartDate = null, DateOnly? EndDate = null, string? Place = null);

    public sealed class Handler(WorkProgrammeDb db)
    {
        /// <summary>Returns the new session's key.</summary>
        public async Task<string> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (!command.Viewer.IsAdmin)
            {
                throw new DomainException("Seuls les administrateurs gèrent le calendrier.", "Only administrators manage the calendar.");
            }

            if (!await db.Bodies.AnyAsync(b => b.Code == command.BodyCode, cancellationToken))
            {
                throw new DomainException($"Organe inconnu « {command.BodyCode} ».", $"Unknown body '{command.BodyCode}'.");
            }

            var slugPart = new string(command.BodyCode.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            var key = $"{slugPart}-{string.Join("-", command.Ordinals)}";
            if (await db.Sessions.AnyAsync(s => s.Key == key, cancellationToken))
            {
                throw new DomainException($"La session {key} existe déjà.", $"Session {key} already exists.");
            }

            var sameBody = await db.Sessions.AsNoTracking().Where(s => s.BodyCode == command.BodyCode).ToListAsync(cancellationToken);
            if (sameBody.FirstOrDefault(s => s.SharesOrdinalWith(command.BodyCode, command.Ordinals)) is { } taken)
            {
                throw new DomainException(
                    $"Le {command.BodyCode} a déjà une session portant ce numéro : {taken.Key}.",
                    $"The {command.BodyCode} already has a session with that number: {taken.Key}.");
            }

            db.Sessions.Add(new Session(key, command.BodyCode, command.Ordinals, command.Year, command.Month, command.Season,
                command.StartDate, command.EndDate, command.Place));
            await db.SaveChangesAsync(cancellationToken);
            return key;
        }
    }
}
