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

            var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == command.BodyCode, cancellationToken)
                ?? throw new DomainException($"Organe inconnu « {command.BodyCode} ».", $"Unknown body '{command.BodyCode}'.");
            var words = SessionName.BodyWords.Of(body);

            var slugPart = new string(command.BodyCode.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            var key = $"{slugPart}-{string.Join("-", command.Ordinals)}";
            if (await db.Sessions.AnyAsync(s => s.Key == key, cancellationToken))
            {
                var existing = SessionName.Of(command.Ordinals, command.Year, command.Month, words);
                throw new DomainException($"Ces sessions existent déjà : {existing.Fr}.", $"These sessions already exist: {existing.En}.");
            }

            var sameBody = await db.Sessions.AsNoTracking().Where(s => s.BodyCode == command.BodyCode).ToListAsync(cancellationToken);
            if (sameBody.FirstOrDefault(s => s.SharesOrdinalWith(command.BodyCode, command.Ordinals)) is { } taken)
            {
                var name = SessionName.Of(taken, words);
                throw new DomainException(
                    $"Le {words.Abbreviation(Language.Fr)} a déjà une session portant ce numéro : {name.Fr}.",
                    $"The {words.Abbreviation(Language.En)} already has a session with that number: {name.En}.");
            }

            db.Sessions.Add(new Session(key, command.BodyCode, command.Ordinals, command.Year, command.Month, command.Season,
                command.StartDate, command.EndDate, command.Place));
            await db.SaveChangesAsync(cancellationToken);
            return key;
        }
    }
}
