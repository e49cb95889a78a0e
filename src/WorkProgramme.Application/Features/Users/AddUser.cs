using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Users;

/// <summary>Creates a user with one role (the first administrator too); generates a password when none is given.</summary>
public static class AddUser
{
    public sealed record Command(string Email, string Role, string? BodyCode = null, string? Password = null, string? DisplayName = null,
        string? Unit = null);

    public sealed record Outcome(string? UserId, string? GeneratedPassword, IReadOnlyList<BilingualText> Problems)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    public sealed class Handler(UserManager<AppUser> users, RoleManager<IdentityRole> roles, WorkProgrammeDb db)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var problems = new List<BilingualText>();
            var email = command.Email.Trim();
            if (!Roles.All.Contains(command.Role))
            {
                problems.Add(new($"Rôle inconnu « {command.Role} » (attendu : {string.Join(", ", Roles.All)}).",
                    $"Unknown role '{command.Role}' (expected: {string.Join(", ", Roles.All)})."));
            }

            if (command.Role == Roles.Member && command.BodyCode is null)
            {
                problems.Add(new("Un membre appartient à un comité : indiquez --body.", "A member belongs to a committee: give --body."));
            }

            if (command.BodyCode is not null && !await db.Bodies.AnyAsync(b => b.Code == command.BodyCode, cancellationToken))
            {
                problems.Add(new($"Organe inconnu « {command.BodyCode} ».", $"Unknown body '{command.BodyCode}'."));
            }

            if (problems.Count > 0)
            {
                return new Outcome(null, null, problems);
            }

            if (!await roles.RoleExistsAsync(command.Role))
            {
                await roles.CreateAsync(new IdentityRole(command.Role));
            }

            var generated = command.Password is null ? GeneratePassword() : null;
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = command.DisplayName,
                BodyCode = command.BodyCode,
                Unit = command.Unit,
            };
            var created = await users.CreateAsync(user, command.Password ?? generated!);
            if (!created.Succeeded)
            {
                return new Outcome(null, null, created.Errors.Select(Describe).ToList());
            }

            await users.AddToRoleAsync(user, command.Role);
            return new Outcome(user.Id, generated, []);
        }

        private static string GeneratePassword() =>
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

        /// <summary>Identity describes its errors in English; the common ones are given in French too.</summary>
        private static BilingualText Describe(IdentityError error) => error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                new("Un utilisateur a déjà cette adresse électronique.", error.Description),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                new("Adresse électronique invalide.", error.Description),
            nameof(IdentityErrorDescriber.PasswordTooShort) => new("Le mot de passe doit compter au moins 12 caractères.", error.Description),
            _ => new(error.Description, error.Description),
        };
    }
}
