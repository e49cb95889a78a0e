using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Users;

/// <summary>What a user chooses for themselves on their profile: their language and which e-mails they want.</summary>
public static class UserPreferences
{
    /// <summary><paramref name="Language"/> "fr", "en", or null for "the browser's".</summary>
    public sealed record Choices(string? Language, bool EmailSessionDigest, bool EmailCommentNotices, bool EmailRoundReminders);

    public sealed class Handler(WorkProgrammeDb db, TimeProvider clock)
    {
        public async Task<Choices?> GetAsync(string userId, CancellationToken cancellationToken) =>
            await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new Choices(u.PreferredLanguage, u.EmailSessionDigest, u.EmailCommentNotices, u.EmailRoundReminders))
                .SingleOrDefaultAsync(cancellationToken);

        /// <summary>Saves the user's own choices; false when there is no such user.</summary>
        public async Task<bool> SaveAsync(string userId, Choices choices, CancellationToken cancellationToken)
        {
            Language? language = null;
            if (choices.Language is not null)
            {
                language = Languages.TryParse(choices.Language, out var parsed) ? parsed : null;
            }

            if (choices.Language is not null && language is null)
            {
                throw new DomainException($"Langue inconnue « {choices.Language} » (fr ou en).", $"Unknown language '{choices.Language}' (fr or en).");
            }

            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null)
            {
                return false;
            }

            user.PreferredLanguage = language?.Code();
            user.EmailSessionDigest = choices.EmailSessionDigest;
            user.EmailCommentNotices = choices.EmailCommentNotices;
            user.EmailRoundReminders = choices.EmailRoundReminders;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        /// <summary>
        /// Notes a successful sign-in. Written past the audit trail on purpose: signing in changes nothing anyone edits,
        /// and a row per sign-in would drown the changes that matter.
        /// </summary>
        public Task RecordSignInAsync(string userId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            return db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, now), cancellationToken);
        }
    }
}
