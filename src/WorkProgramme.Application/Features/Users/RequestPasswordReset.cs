using Microsoft.AspNetCore.Identity;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Application.Features.Users;

/// <summary>
/// "Forgotten password": queues a single-use link for the address if a person has it, and nothing otherwise. The caller
/// answers the same either way, so nobody learns which addresses have an account.
/// </summary>
public static class RequestPasswordReset
{
    public sealed record Command(string Email, string FallbackBaseUrl);

    public sealed class Handler(UserManager<AppUser> users, WorkProgrammeDb db, MailSettings settings, TimeProvider clock)
    {
        /// <summary>True when a message was queued (for tests and logs; never shown to the person asking).</summary>
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (!settings.IsConfigured || string.IsNullOrWhiteSpace(command.Email) || command.Email.Length > 256)
            {
                return false;
            }

            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user?.Email is null || (user.LockoutEnd is { } end && end == DateTimeOffset.MaxValue))
            {
                return false;
            }

            await using var transaction = await Transaction.BeginAsync(db, cancellationToken);
            var now = clock.GetUtcNow();
            await AccountLinks.RevokeOpenLinksAsync(db, user.Id, now, cancellationToken);
            var (link, token) = AccountLink.Create(user.Id, AccountLinkPurpose.PasswordReset, now, "password reset");
            db.AccountLinks.Add(link);
            var language = Outbox.LanguageOf(user.PreferredLanguage);
            Outbox.Add(db, settings, clock, MailKind.PasswordReset, user.Email, user.DisplayName, language,
                MailTemplates.PasswordReset(language, settings.OrganisationName, AccountLinks.Url(settings, token, command.FallbackBaseUrl), link.ExpiresAt));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }
}
