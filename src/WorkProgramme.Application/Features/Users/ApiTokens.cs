using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Users;

/// <summary>Tokens for scripts: created (the secret is shown once), listed, revoked.</summary>
public static class ApiTokens
{
    public sealed record Create(string UserId, string Name);

    public sealed record Created(string Name, string Secret);

    public sealed record Summary(int Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed class Handler(WorkProgrammeDb db, TimeProvider clock)
    {
        public async Task<Created> CreateAsync(Create command, CancellationToken cancellationToken)
        {
            var name = command.Name.Trim();
            if (name.Length is 0 or > 100)
            {
                throw new DomainException("Donnez au jeton un nom de 1 à 100 caractères.", "Give the token a name of 1 to 100 characters.");
            }

            if (await db.ApiTokens.AnyAsync(t => t.UserId == command.UserId && t.Name == name && t.RevokedAt == null, cancellationToken))
            {
                throw new DomainException($"Vous avez déjà un jeton actif nommé « {name} ».", $"You already have an active token named '{name}'.");
            }

            var (token, secret) = ApiToken.Issue(command.UserId, name, clock.GetUtcNow());
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync(cancellationToken);
            return new Created(token.Name, secret);
        }

        public async Task<IReadOnlyList<Summary>> ListAsync(string userId, CancellationToken cancellationToken) =>
            (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken))
                .OrderByDescending(t => t.CreatedAt)
                .Select(t => new Summary(t.Id, t.Name, t.CreatedAt, t.RevokedAt))
                .ToList();

        /// <summary>Revokes one of the user's own tokens; false when the user has no such token.</summary>
        public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken)
        {
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
            if (token is null)
            {
                return false;
            }

            token.Revoke(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
