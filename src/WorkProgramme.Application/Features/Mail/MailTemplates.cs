using System.Globalization;
using System.Net;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Mail;

/// <summary>
/// The words of each message, in French and English, plain text and HTML. They are written here, not in the web app's
/// resources, because <c>wp</c> queues the same messages (docs/decisions/0031).
/// </summary>
public static class MailTemplates
{
    public sealed record Composed(string Subject, string Text, string Html);

    public static Composed Invitation(Language language, string organisation, string roleWords, string link, DateTimeOffset expires) =>
        Build(language, organisation,
            new($"Invitation à WorkProgramme — {organisation}", $"Invitation to WorkProgramme — {organisation}"),
            [
                new("Bonjour,", "Hello,"),
                new($"Vous êtes invité à utiliser WorkProgramme ({organisation}) en tant que {roleWords}.",
                    $"You are invited to use WorkProgramme ({organisation}) as {roleWords}."),
                new("Choisissez votre mot de passe et votre langue en suivant ce lien :", "Choose your password and your language by following this link:"),
            ],
            link,
            [
                new($"Le lien ne sert qu'une fois et expire le {Date(expires, Language.Fr)}. Si vous n'attendiez pas ce message, ignorez-le.",
                    $"The link works once and expires on {Date(expires, Language.En)}. If you did not expect this message, ignore it."),
            ]);

    public static Composed PasswordReset(Language language, string organisation, string link, DateTimeOffset expires) =>
        Build(language, organisation,
            new("Nouveau mot de passe pour WorkProgramme", "New password for WorkProgramme"),
            [
                new("Bonjour,", "Hello,"),
                new("Quelqu'un, vous sans doute, a demandé un nouveau mot de passe pour votre compte.",
                    "Someone, probably you, asked for a new password for your account."),
                new("Choisissez-le en suivant ce lien :", "Choose it by following this link:"),
            ],
            link,
            [
                new($"Le lien ne sert qu'une fois et expire le {Date(expires, Language.Fr)}. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
                    $"The link works once and expires on {Date(expires, Language.En)}. If you asked for nothing, ignore this message: your password does not change."),
            ]);

    public static string RoleWords(string role, Language language) => (role, language) switch
    {
        (Identity.Roles.Admin, Language.Fr) => "administrateur",
        (Identity.Roles.Admin, _) => "an administrator",
        (Identity.Roles.Editor, Language.Fr) => "rédacteur",
        (Identity.Roles.Editor, _) => "an editor",
        (_, Language.Fr) => "membre",
        _ => "a member",
    };

    private static string Date(DateTimeOffset instant, Language language) => language == Language.Fr
        ? instant.UtcDateTime.ToString("d MMMM yyyy 'à' HH:mm 'UTC'", CultureInfo.GetCultureInfo("fr-FR"))
        : instant.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB"));

    private static Composed Build(Language language, string organisation, BilingualText subject, IReadOnlyList<BilingualText> before, string link,
        IReadOnlyList<BilingualText> after)
    {
        string In(BilingualText text) => text.In(language)!;
        var signature = $"— {organisation}";
        var text = string.Join("\n\n", before.Select(In)) + "\n\n" + link + "\n\n" + string.Join("\n\n", after.Select(In)) + "\n\n" + signature + "\n";
        var html = $"<!DOCTYPE html>\n<html lang=\"{language.Code()}\"><head><meta charset=\"utf-8\"><title>{Encode(In(subject))}</title></head><body>\n"
            + string.Concat(before.Select(p => $"<p>{Encode(In(p))}</p>\n"))
            + $"<p><a href=\"{Encode(link)}\">{Encode(link)}</a></p>\n"
            + string.Concat(after.Select(p => $"<p>{Encode(In(p))}</p>\n"))
            + $"<p>{Encode(signature)}</p>\n</body></html>\n";
        return new Composed(In(subject), text, html);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
