using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Users;

/// <summary>What a link from an e-mail opens: is it still good, and setting the password (and language) with it.</summary>
public static class AccountLinks
{
    public sealed record Found(AccountLinkState State, AccountLinkPurpose? Purpose, string? Email, string? PreferredLanguage);

    public sealed record SetPassword(string Token, string Password, string? Language);

    public static string Url(MailSettings settings, string token, string fallbackBaseUrl) =>
        settings.LinkTo(AccountLink.SetPasswordPath, fallbackBaseUrl) + "?token=" + Uri.EscapeDataString(token);

    /// <summary>Revokes every link of the person that could still be used: only the newest one works.</summary>
    internal static async Task RevokeOpenLinksAsync(WorkProgrammeDb db, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.AccountLinks.Where(l => l.UserId == userId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var link in open.Where(l => l.StateAt(now) == AccountLinkState.Valid))
        {
            link.Revoke(now);
        }
    }

    /// <summary>Why a link cannot be used, in words, with the way to ask for a new one.</summary>
    public static BilingualText Refusal(AccountLinkState state) => state switch
    {
        AccountLinkState.Used => new("Ce lien a déjà servi. Demandez-en un nouveau avec « Mot de passe oublié ».",
            "This link has already been used. Ask for a new one with \"Forgotten password\"."),
        AccountLinkState.Expired => new("Ce lien a expiré. Demandez-en un nouveau avec « Mot de passe oublié ».",
            "This link has expired. Ask for a new one with \"Forgotten password\"."),
        AccountLinkState.Replaced => new("Un lien plus récent a été envoyé : celui-ci ne sert plus. Utilisez le dernier reçu, ou demandez-en un nouveau avec « Mot de passe oublié ».",
            "A newer link was sent: this one no longer works. Use the latest you received, or ask for a new one with \"Forgotten password\"."),
        _ => new("Ce lien n'est pas valable. Demandez-en un nouveau avec « Mot de passe oublié ».",
            "This link is not valid. Ask for a new one with \"Forgotten password\"."),
    };

    public sealed class Handler(UserManager<AppUser> users, WorkProgrammeDb db, TimeProvider clock)
    {
        public async Task<Found> CheckAsync(string? token, CancellationToken cancellationToken)
        {
            var link = await FindAsync(token, cancellationToken);
            if (link is null)
            {
                return new Found(AccountLinkState.Unknown, null, null, null);
            }

            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == link.UserId, cancellationToken);
            return new Found(link.StateAt(clock.GetUtcNow()), link.Purpose, user.Email, user.PreferredLanguage);
        }

        /// <summary>Sets the password once: the link is used up in the same transaction; the answer is the person's e-mail address.</summary>
        public async Task<Result<string>> SetPasswordAsync(SetPassword command, CancellationToken cancellationToken)
        {
            var link = await FindAsync(command.Token, cancellationToken);
            var now = clock.GetUtcNow();
            var state = link?.StateAt(now) ?? AccountLinkState.Unknown;
            if (state != AccountLinkState.Valid)
            {
                return Failure.Refused(Refusal(state));
            }

            var user = (await users.FindByIdAsync(link!.UserId))!;
            var problems = new List<BilingualText>();
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, user, command.Password ?? "");
                problems.AddRange(checkedPassword.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort)
                    ? new BilingualText("Le mot de passe doit compter au moins 12 caractères.", "The password must have at least 12 characters.")
                    : new BilingualText(e.Description, e.Description)));
            }

            if (problems.Count > 0)
            {
                return Failure.Invalid("Password", problems[0]);
            }

            await using var transaction = await Transaction.BeginAsync(db, cancellationToken);
            if (await users.HasPasswordAsync(user))
            {
                await users.RemovePasswordAsync(user);
            }

            user.EmailConfirmed = true;
            if (Languages.TryParse(command.Language, out var language))
            {
                user.PreferredLanguage = language.Code();
            }

            var added = await users.AddPasswordAsync(user, command.Password!);
            if (!added.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Failure.Invalid("Password", new BilingualText(added.Errors.First().Description, added.Errors.First().Description));
            }

            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            link.Use(now);
            await RevokeOpenLinksAsync(db, user.Id, now, cancellationToken);

            // Another request with the same token may have used it meanwhile: only one of the two saves changes the row.
            var used = await db.AccountLinks.Where(l => l.Id == link.Id && l.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
            if (used != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Failure.Refused(Refusal(AccountLinkState.Used));
            }

            db.Entry(link).Property(l => l.UsedAt).OriginalValue = null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return user.Email!;
        }

        private async Task<AccountLink?> FindAsync(string? token, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            {
                return null;
            }

            var hash = AccountLink.HashOf(token.Trim());
            return await db.AccountLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        }
    }
}
