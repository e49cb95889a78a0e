using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Users;

/// <summary>
/// Invites a person by e-mail with a role (and a body): the account without a password, a single-use link valid
/// 7 days, and the message in the outbox, all in one transaction. Inviting again a person who has not yet accepted
/// sends a new link and revokes the previous one.
/// </summary>
public static class InviteUser
{
    /// <param name="FallbackBaseUrl">The app's address when <c>App:PublicUrl</c> is not set (the request's, for a page).</param>
    public sealed record Command(string Email, string Role, string? BodyCode, string? DisplayName, string? Language, string FallbackBaseUrl);

    /// <param name="Queued">False when e-mail is off: the caller shows or prints <see cref="Link"/> instead.</param>
    public sealed record Invited(string UserId, string Email, string Link, DateTimeOffset ExpiresAt, bool Queued, bool Resent);

    public sealed class Handler(UserManager<AppUser> users, RoleManager<IdentityRole> roles, WorkProgrammeDb db, MailSettings settings,
        TimeProvider clock, ICurrentActor actor)
    {
        /// <summary>The bodies a person can be invited to, for the form.</summary>
        public async Task<IReadOnlyList<(string Code, BilingualText Name)>> BodiesAsync(CancellationToken cancellationToken) =>
            (await db.Bodies.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(b => b.Code, StringComparer.Ordinal)
                .Select(b => (b.Code, b.Name)).ToList();

        public async Task<Result<Invited>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email.Trim();
            var problems = new List<FieldMessage>();
            if (!Roles.All.Contains(command.Role))
            {
                problems.Add(new("Role", new($"Rôle inconnu « {command.Role} » (attendu : {string.Join(", ", Roles.All)}).",
                    $"Unknown role '{command.Role}' (expected: {string.Join(", ", Roles.All)}).")));
            }

            var body = string.IsNullOrWhiteSpace(command.BodyCode) ? null : command.BodyCode.Trim();
            if (command.Role == Roles.Member && body is null)
            {
                problems.Add(new("BodyCode", new("Un membre appartient à un comité : choisissez-le.", "A member belongs to a committee: choose it.")));
            }

            if (body is not null && !await db.Bodies.AnyAsync(b => b.Code == body, cancellationToken))
            {
                problems.Add(new("BodyCode", new($"Organe inconnu « {body} ».", $"Unknown body '{body}'.")));
            }

            if (command.Language is { Length: > 0 } requested && !Languages.TryParse(requested, out _))
            {
                problems.Add(new("Language", new("Langue attendue : fr ou en.", "Language expected: fr or en.")));
            }

            if (problems.Count > 0)
            {
                return Failure.InvalidFields(problems);
            }

            await using var transaction = await Transaction.BeginAsync(db, cancellationToken);
            var user = await users.FindByEmailAsync(email);
            var resent = user is not null;
            if (user is not null && await users.HasPasswordAsync(user))
            {
                return Failure.Refused(new("Cette personne a déjà un compte : elle peut demander un nouveau mot de passe depuis la page de connexion.",
                    "This person already has an account: they can ask for a new password from the sign-in page."));
            }

            if (user is null)
            {
                user = new AppUser
                {
                    UserName = email,
                    Email = email,
                    DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? null : command.DisplayName.Trim(),
                    BodyCode = body,
                    PreferredLanguage = Languages.TryParse(command.Language, out var chosen) ? chosen.Code() : null,
                };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return Failure.Invalid(created.Errors.Select(e => e.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
                        ? new BilingualText("Adresse électronique invalide.", "Invalid e-mail address.")
                        : new BilingualText(e.Description, e.Description)));
                }
            }
            else
            {
                user.BodyCode = body;
                if (Languages.TryParse(command.Language, out var chosen))
                {
                    user.PreferredLanguage = chosen.Code();
                }

                await users.UpdateAsync(user);
                await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            }

            if (!await roles.RoleExistsAsync(command.Role))
            {
                await roles.CreateAsync(new IdentityRole(command.Role));
            }

            await users.AddToRoleAsync(user, command.Role);
            var now = clock.GetUtcNow();
            await AccountLinks.RevokeOpenLinksAsync(db, user.Id, now, cancellationToken);
            var (link, token) = AccountLink.Create(user.Id, AccountLinkPurpose.Invitation, now, actor.Name);
            db.AccountLinks.Add(link);
            var url = AccountLinks.Url(settings, token, command.FallbackBaseUrl);
            if (settings.IsConfigured)
            {
                var language = Outbox.LanguageOf(user.PreferredLanguage);
                Outbox.Add(db, settings, clock, MailKind.Invitation, email, user.DisplayName, language,
                    MailTemplates.Invitation(language, settings.OrganisationName, MailTemplates.RoleWords(command.Role, language), url, link.ExpiresAt));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Invited(user.Id, email, url, link.ExpiresAt, settings.IsConfigured, resent);
        }
    }
}
